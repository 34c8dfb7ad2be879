create table purchase (id uuid primary key);
