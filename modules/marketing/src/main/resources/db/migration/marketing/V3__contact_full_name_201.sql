-- CreateCustomer v1, registry version 3: fullName may be 201 characters (a given and a family name
-- of up to 100 each, joined by a space). Widening a varchar is a catalog-only change in PostgreSQL.
alter table contact alter column full_name type varchar(201);
