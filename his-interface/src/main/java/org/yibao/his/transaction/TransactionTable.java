package org.yibao.his.transaction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.his.envelope.Transactions;
import org.yibao.his.national.Declarations;
import org.yibao.his.visit.Visit;

import java.util.List;
import org.yibao.contracts.events.ItemCategory;

import static org.yibao.his.envelope.Transaction.ofAll;
import static org.yibao.his.envelope.Transaction.ofHospitals;

/**
 * The interface's transactions on one page: every infno with who may call it (hospitals, or hospitals
 * and pharmacies) and what carries it out. A new transaction is a row here and its declaration in
 * {@code national-interface/transactions.yml}; the interface does not start when the two differ
 * ({@link Transactions}).
 */
@Configuration
class TransactionTable {

    @Bean
    Transactions transactions(Declarations declarations, SignIn signIn, PersonInfo person, Directory directory, Registration registration,
                              FeeDetails fees, Settling settling, PharmacyPurchase pharmacy, Correction correction, ChronicFiling filing,
                              PreEventAudit audit, Reconciliation reconciliation, Queries queries, Accumulators accumulators,
                              Files files, CatalogTransactions catalog, ClearingApplications clearing,
                              SettlementLists lists) {
        return new Transactions(List.of(
                ofAll("9001", signIn::signIn).withoutSignIn(),                                   // 签到
                ofAll("9002", signIn::signOut),                                                  // 签退
                ofAll("1101", person::person),                                                   // 人员信息获取
                ofAll("1201", directory::institution),                                           // 医药机构信息获取
                ofAll("1301", call -> catalog.download(call, ItemCategory.DRUG)),                // 西药中成药目录下载
                ofAll("1302", call -> catalog.download(call, ItemCategory.TCM_HERBAL)),          // 中药饮片目录下载
                ofAll("1305", call -> catalog.download(call, ItemCategory.SERVICE)),             // 医疗服务项目目录下载
                ofAll("1306", call -> catalog.download(call, ItemCategory.CONSUMABLE)),          // 医用耗材目录下载
                ofAll("1901", directory::dictionary),                                            // 字典表查询
                ofAll("2001", directory::entitlement),                                           // 人员待遇享受检查
                ofAll("2101", call -> pharmacy.purchase(call, false)),                           // 药店预结算
                ofAll("2102", call -> pharmacy.purchase(call, true)),                            // 药店结算
                ofAll("2103", settling::reversal),                                               // 药店结算撤销
                ofHospitals("2201", registration::register),                                     // 门诊挂号
                ofHospitals("2202", registration::cancel),                                       // 门诊挂号撤销
                ofHospitals("2203", registration::describe),                                     // 门诊就诊信息上传
                ofHospitals("2204", call -> fees.upload(call, Visit.Kind.OUTPATIENT)),           // 门诊费用明细信息上传
                ofHospitals("2205", fees::reverseBatch),                                         // 门诊费用明细信息撤销
                ofHospitals("2206", call -> settling.bill(call, Visit.Kind.OUTPATIENT, false)),  // 门诊预结算
                ofHospitals("2207", call -> settling.bill(call, Visit.Kind.OUTPATIENT, true)),   // 门诊结算
                ofHospitals("2208", settling::reversal),                                         // 门诊结算撤销
                ofHospitals("2301", call -> fees.upload(call, Visit.Kind.INPATIENT)),            // 住院费用明细信息上传
                ofHospitals("2302", fees::reverseDetails),                                       // 住院费用明细信息撤销
                ofHospitals("2303", call -> settling.bill(call, Visit.Kind.INPATIENT, false)),   // 住院预结算
                ofHospitals("2304", call -> settling.bill(call, Visit.Kind.INPATIENT, true)),    // 住院结算
                ofHospitals("2305", settling::reversal),                                         // 住院结算撤销
                ofHospitals("2401", registration::admit),                                        // 入院办理
                ofHospitals("2402", registration::discharge),                                    // 出院办理
                ofHospitals("2403", registration::changeAdmission),                              // 入院信息变更
                ofHospitals("2404", registration::cancelAdmission),                              // 入院办理撤销
                ofHospitals("2405", registration::undoDischarge),                                // 出院办理撤销
                ofHospitals("2503", filing::file),                                               // 人员慢特病备案
                ofHospitals("2504", filing::revoke),                                             // 人员慢特病备案撤销
                ofAll("2601", correction::correct),                                              // 冲正交易
                ofHospitals("3101", call -> audit.audit(call, PreEventAudit.BEFORE)),                // 明细审核事前分析
                ofHospitals("3102", call -> audit.audit(call, PreEventAudit.DURING)),                // 明细审核事中分析
                ofAll("3201", reconciliation::totals),                                           // 医药机构费用结算对总账
                ofAll("3202", reconciliation::details),                                          // 医药机构费用结算对明细账
                ofAll("3203", clearing::file),                                                   // 清算申请
                ofAll("3204", clearing::cancel),                                                 // 清算申请撤销
                ofAll("3301", catalog::map),                                                     // 目录对照上传
                ofAll("3302", catalog::unmap),                                                   // 目录对照撤销
                ofHospitals("4101", lists::upload),                                              // 医疗保障基金结算清单信息上传
                ofHospitals("4101A", lists::uploadNew),                                          // 医疗保障基金结算清单信息上传(新)
                ofHospitals("4102", lists::submit),                                              // 医疗保障基金结算清单信息状态修改
                ofHospitals("5201", queries::visits),                                            // 就诊信息查询
                ofHospitals("5202", queries::diagnoses),                                         // 诊断信息查询
                ofAll("5203", queries::settlement),                                              // 结算信息查询
                ofAll("5204", queries::fees),                                                    // 费用明细查询
                ofAll("5205", queries::chronicDrugs),                                            // 人员慢特病用药记录查询
                ofAll("5206", accumulators::accumulators),                                       // 人员累计信息查询
                ofAll("9101", files::upload),                                                    // 文件上传
                ofAll("9102", files::download)),                                                 // 文件下载
                declarations.infnos());
    }
}
