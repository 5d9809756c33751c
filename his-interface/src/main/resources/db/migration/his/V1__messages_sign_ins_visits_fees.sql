-- Each message an institution sent, by msgid (the interface's idempotency key). A message is claimed
-- before it is carried out, so that the same msgid sent twice at once runs once; the first answer
-- given is then the answer to every repetition. A message that failed is not kept: it changed
-- nothing, and the institution may send it again.
create table his_message (
    msgid          varchar(40)  primary key,
    institution    varchar(30)  not null,
    infno          varchar(8)   not null,
    request_digest varchar(64)  not null,
    status         varchar(12)  not null,      -- PROCESSING, DONE
    output         text,                        -- the output member of the first answer (JSON)
    received_at    timestamptz  not null default now(),
    answered_at    timestamptz,
    corrected_by   varchar(40)                  -- the 2601 message that undid it
);

-- Sign-ins (9001): every other transaction names a sign_no issued to its institution.
create table sign_in (
    sign_no       varchar(40)  primary key,
    institution   varchar(30)  not null,
    opter         varchar(30)  not null,
    signed_in_at  timestamptz  not null default now()
);

-- A visit (就诊): an outpatient registration (2201) or an admission (2401), with what 2203/2402 add.
create table visit (
    mdtrt_id      varchar(40)  primary key,
    institution   varchar(30)  not null,
    person_id     varchar(18)  not null,
    kind          varchar(12)  not null,       -- OUTPATIENT, INPATIENT
    med_type      varchar(6)   not null,
    insutype      varchar(6),
    ipt_otp_no    varchar(40)  not null,
    begins_at     timestamp    not null,
    ends_at       timestamp,
    diagnoses     varchar(400) not null default '',
    status        varchar(12)  not null,       -- OPEN, CANCELLED, SETTLED
    setl_id       uuid,
    created_msgid varchar(40)  not null
);
create index visit_person on visit (person_id);

-- Fee details uploaded for a visit (2204/2301), by the institution's detail serial number.
create table fee_line (
    mdtrt_id      varchar(40)   not null references visit (mdtrt_id),
    feedetl_sn    varchar(40)   not null,
    chrg_bchno    varchar(40)   not null,
    item_code     varchar(40)   not null,
    quantity      numeric(12,3) not null,
    unit_price    numeric(12,2) not null,
    amount        numeric(14,2) not null,
    fee_time      timestamp     not null,
    uploaded_msgid varchar(40)  not null,
    primary key (mdtrt_id, feedetl_sn)
);
