-- CreateCustomer v1 (registry version 2) may say whether the customer agreed to marketing e-mail.
-- null: the source did not say (a v1 CustomerRegistered carries no consent), treated as not given.
alter table contact add column marketing_consent boolean;
