-- Issue 22: a delivery's stay (生育住院, med_type 52) is paid by a fixed amount per kind of delivery; the kind
-- comes with the discharge (2402 dscginfo.matn_type, 生育类别) and goes to settlement with the settle (2304).
alter table visit add column delivery_kind varchar(30);   -- the platform's DeliveryKind; cleared by 2405
