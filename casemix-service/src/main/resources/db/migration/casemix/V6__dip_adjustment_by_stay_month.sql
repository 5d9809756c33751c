-- What DIP announced to the fund clearing is kept per basis, institution, discharge month and scheme, whatever table
-- priced it: a month repriced under another table's version announces only the difference.
create table dip_adjustment_announced (
    basis            varchar(12)   not null,
    institution_code varchar(32)   not null,
    period           char(7)       not null,
    scheme           varchar(20)   not null,
    announced        numeric(14,2) not null,
    stays            int           not null,
    announcements    int           not null,
    primary key (basis, institution_code, period, scheme)
);
insert into dip_adjustment_announced (basis, institution_code, period, scheme, announced, stays, announcements)
select basis, institution_code, period, scheme, sum(announced), sum(stays), sum(announcements)
from dip_adjustment group by basis, institution_code, period, scheme;
drop table dip_adjustment;
