-- Clearing applications (清算申请, the national interface's 3203) filed by designated institutions, and
-- their cancellation (3204). One application in force per institution, month and clearing type; amounts
-- in yuan as the institution stated them, with what the platform owed when it was filed.
create sequence clearing_application_seq;

create table clearing_application (
    application_id       varchar(30)   primary key,   -- clr_appy_evt_id: yyyyMMddHHmmss (Beijing) + 16 digits
    institution_code     varchar(32)   not null,
    message_id           varchar(64)   not null,      -- the institution's message (msgid): a retry gets the same application
    period               char(7)       not null,      -- yyyy-MM, the Beijing month of begin_date and end_date
    clearing_type        varchar(20)   not null,      -- OUTPATIENT, INPATIENT, PHARMACY (clr_type 11, 21, 41)
    clearing_way         varchar(30),                 -- clr_way as stated, not interpreted
    begin_date           date          not null,
    end_date             date          not null,
    visits               int           not null,      -- psntime 清算人次, as stated
    medical_fee_total    numeric(16,2) not null,      -- medfee_sumamt
    eligible_fee_total   numeric(16,2) not null,      -- med_sumfee
    fund_amount          numeric(16,2) not null,      -- fund_appy_sum
    cash_amount          numeric(16,2) not null,      -- cash_payamt
    account_amount       numeric(16,2) not null,      -- acct_pay
    month_fund_stated    numeric(16,2) not null,      -- fund_appy_sum of the month's applications in force with this one
    month_account_stated numeric(16,2) not null,      -- acct_pay likewise
    platform_fund_owed   numeric(16,2) not null,      -- what the funds other than the personal account owed the month, when filed
    platform_account_owed numeric(16,2) not null,     -- what the personal accounts owed the month, when filed
    state                varchar(12)   not null,      -- IN_FORCE or CANCELLED
    filed_by             varchar(100)  not null,
    filed_at             timestamptz   not null,
    cancelled_by         varchar(100),
    cancelled_at         timestamptz
);
create unique index clearing_application_message on clearing_application (institution_code, message_id);
create unique index clearing_application_in_force on clearing_application (institution_code, period, clearing_type)
    where state = 'IN_FORCE';
create index clearing_application_period on clearing_application (period, institution_code);
