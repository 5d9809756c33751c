-- The reimbursement catalog (医保目录): the class (甲/乙/丙 = A/B/C) and price ceiling of a line come
-- from here, never from the caller. Codes follow the national code style; the sample below is
-- illustrative (common 两病 drugs, consumables and services), not an official extract.
create table catalog_item (
    code          varchar(40)  primary key,
    name          varchar(200) not null,
    category      varchar(20)  not null check (category in ('DRUG', 'CONSUMABLE', 'SERVICE')),
    item_class    char(1)      not null check (item_class in ('A', 'B', 'C')),
    price_ceiling numeric(14, 2) check (price_ceiling is null or price_ceiling > 0),
    vbp           boolean      not null default false
);

insert into catalog_item (code, name, category, item_class, price_ceiling, vbp) values
-- hypertension (高血压)
('XC08CAA001A001010100001', '苯磺酸氨氯地平片 5mg',       'DRUG', 'A', 0.30,  true),
('XC08CAL045A001010100002', '苯磺酸左氨氯地平片 2.5mg',   'DRUG', 'A', 0.45,  true),
('XC08CAN007A010010100003', '硝苯地平控释片 30mg',        'DRUG', 'A', 1.20,  true),
('XC09CAV056A001010100004', '缬沙坦胶囊 80mg',            'DRUG', 'B', 0.80,  true),
('XC09CAE016A001010100005', '厄贝沙坦片 150mg',           'DRUG', 'B', 0.40,  true),
('XC07ABM070A001010100006', '酒石酸美托洛尔片 25mg',      'DRUG', 'A', 0.15,  false),
('XC03AAH033A001010100007', '氢氯噻嗪片 25mg',            'DRUG', 'A', 0.05,  false),
-- diabetes (糖尿病)
('XA10BAE045A001010100008', '盐酸二甲双胍片 0.5g',        'DRUG', 'A', 0.10,  true),
('XA10BFA001A001010100009', '阿卡波糖片 50mg',            'DRUG', 'B', 0.60,  true),
('XA10BBG055A001010100010', '格列美脲片 2mg',             'DRUG', 'B', 0.25,  true),
('XA10BHS072A001010100011', '磷酸西格列汀片 100mg',       'DRUG', 'B', 2.80,  true),
('XA10ABR047B002010100012', '重组人胰岛素注射液 3ml:300IU', 'DRUG', 'A', 55.00, true),
('XA10AEG085B002010100013', '甘精胰岛素注射液 3ml:300IU', 'DRUG', 'B', 78.00, true),
-- other drugs
('XJ01CAA044A001010100014', '阿莫西林胶囊 0.25g',         'DRUG', 'A', 0.20,  true),
('XN02BEA006A001010100015', '对乙酰氨基酚片 0.5g',        'DRUG', 'A', 0.08,  false),
('XB01ACA056A001010100016', '阿司匹林肠溶片 100mg',       'DRUG', 'A', 0.12,  true),
('XC10AAA198A001010100017', '阿托伐他汀钙片 20mg',        'DRUG', 'B', 0.30,  true),
('XL04AXS001A001010100018', '沙利度胺片 50mg (自费)',      'DRUG', 'C', null,  false),
-- consumables (耗材)
('C0301010000000000000019', '一次性使用无菌注射器 5ml',    'CONSUMABLE', 'A', 0.60,    false),
('C0203020000000000000020', '一次性使用输液器',            'CONSUMABLE', 'A', 3.50,    false),
('C0101010000000000000021', '冠脉药物洗脱支架',            'CONSUMABLE', 'B', 800.00,  true),
('C0604010000000000000022', '人工髋关节假体',              'CONSUMABLE', 'B', 7000.00, true),
('C0901010000000000000023', '血糖试纸',                    'CONSUMABLE', 'B', 1.50,    false),
-- services (医疗服务)
('S110200001', '普通门诊诊查费',       'SERVICE', 'A', 10.00,  false),
('S110200005', '主任医师门诊诊查费',   'SERVICE', 'A', 30.00,  false),
('S120100001', '床位费 (三人间)',      'SERVICE', 'A', 40.00,  false),
('S120100010', '特需病房床位费',       'SERVICE', 'C', null,   false),
('S250101001', '血常规',               'SERVICE', 'A', 20.00,  false),
('S250301001', '糖化血红蛋白测定',     'SERVICE', 'A', 60.00,  false),
('S220800001', 'CT 平扫 (每部位)',      'SERVICE', 'B', 150.00, false),
('S330000001', '冠状动脉介入治疗',     'SERVICE', 'B', 3500.00, false),
('S311201001', '血液透析',             'SERVICE', 'A', 400.00, false);
