-- Issue 21: what a visit and its details tell the smart audit, carried to settlement (ClaimSettled v2) and to
-- supervision's pre-check (3101/3102). Every column is as the HIS sent it; none is priced by.
alter table visit add column doctor_code          varchar(30);   -- 2201 atddr_no / 2401 atddr_no: the attending doctor
alter table visit add column department_code      varchar(30);   -- 2201 dept_code / 2401 adm_dept_codg
alter table visit add column admission_procedure  varchar(30);   -- 2401 oprn_oprt_code (a day surgery's), ICD-9-CM-3
alter table visit add column discharge_procedure  varchar(30);   -- 2402 oprn_oprt_code, ICD-9-CM-3; cleared by 2405
alter table visit add column discharge_department varchar(30);   -- 2402 dscg_dept_codg; cleared by 2405

alter table fee_line add column prd_days    numeric(6, 2);       -- 2204 / 2101 prd_days: days the drug lasts (周期天数)
alter table fee_line add column doctor_code varchar(30);         -- 2204 / 2301 bilg_dr_codg: the prescribing doctor
