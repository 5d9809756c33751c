-- Ids the interface hands out are the national interface's 30 characters: yyyyMMddHHmmss (Beijing
-- time) and 16 digits of this sequence (mdtrt_id, setl_id, sign_no, file_qury_no).
create sequence his_id_seq;

-- A sign-in ends with 9002; a signed-out sign_no is refused.
alter table sign_in add column signed_out_at timestamptz;

-- Medical-list codes are 50 characters in the national catalog.
alter table fee_line alter column item_code type varchar(50);

-- Each settlement of a visit (a stay may be settled in segments: 中途结算, and at a year end) and
-- each reversal, under the interface's own 30-character setl_id. A fee line names the settlement
-- that billed it; a line without one is still to be settled.
create table visit_settlement (
    setl_id        varchar(30)   primary key,
    mdtrt_id       varchar(40)   not null references visit (mdtrt_id),
    institution    varchar(30)   not null,
    person_id      varchar(18)   not null,
    settlement_id  uuid          not null,        -- settlement-service's bill (or its reversal)
    kind           varchar(12)   not null,        -- SETTLEMENT, REVERSAL
    mid_stay       boolean       not null,
    service_date   date          not null,
    insutype       varchar(6)    not null,
    med_type       varchar(6)    not null,
    medfee_sumamt  numeric(16,2) not null,
    fund_pay_sumamt numeric(16,2) not null,
    acct_pay       numeric(16,2) not null,
    psn_cash_pay   numeric(16,2) not null,
    settled_at     timestamptz   not null,
    msgid          varchar(40)   not null,
    init_setl_id   varchar(30),                   -- the settlement a reversal reverses
    reversed_by    varchar(30),                   -- the reversal of a settlement
    setlinfo       text          not null         -- the setlinfo answered (JSON), for 5203
);
create unique index visit_settlement_of_bill on visit_settlement (settlement_id, kind);
create index visit_settlement_period on visit_settlement (institution, settled_at);
create index visit_settlement_visit on visit_settlement (mdtrt_id);

alter table fee_line add column setl_id varchar(30) references visit_settlement (setl_id);

-- Files an institution uploaded (9101), e.g. 3202's detail file; downloaded by 9102.
create table his_file (
    file_qury_no  varchar(30)   primary key,
    institution   varchar(30)   not null,
    filename      varchar(200)  not null,
    content       bytea         not null,
    uploaded_at   timestamptz   not null default now(),
    msgid         varchar(40)   not null
);
