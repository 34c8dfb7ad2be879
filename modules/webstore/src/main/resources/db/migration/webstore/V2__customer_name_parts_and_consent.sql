-- CustomerRegistered v2: the name is kept as given and family name, and registration asks for
-- marketing consent. Customers registered before keep their whole name as the given name (it may be
-- longer than the 100 characters new registrations allow) and have not consented (never asked).
alter table customer add column given_name varchar(200);
alter table customer add column family_name varchar(100);
alter table customer add column marketing_consent boolean not null default false;
update customer set given_name = full_name;
alter table customer alter column given_name set not null;
alter table customer drop column full_name;
