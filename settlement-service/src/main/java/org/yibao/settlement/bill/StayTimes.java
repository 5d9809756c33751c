package org.yibao.settlement.bill;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.yibao.contracts.events.VisitType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bill's admission and discharge fit its visit type and service date (issue 21), each refusal naming
 * its field:
 * <ul>
 *   <li>only an INPATIENT bill states {@code admittedAt} / {@code dischargedAt};</li>
 *   <li>{@code admittedAt}'s date is not after {@code serviceDate};</li>
 *   <li>{@code dischargedAt} is not before {@code admittedAt}, and its date is {@code serviceDate}
 *       (ASSUMPTION: a stay is settled at discharge; a mid-stay settlement, 中途结算, states no discharge).</li>
 * </ul>
 */
@Documented
@Constraint(validatedBy = StayTimes.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StayTimes {

    String message() default "does not fit the bill's visit type and service date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StayTimes, SettleRequest> {

        @Override
        public boolean isValid(SettleRequest bill, ConstraintValidatorContext context) {
            if (bill == null || bill.admittedAt() == null && bill.dischargedAt() == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            // a stay: an admission, or a delivery's stay (分娩住院)
            if (bill.visitType() != null && bill.visitType() != VisitType.INPATIENT && bill.visitType() != VisitType.DELIVERY) {
                if (bill.admittedAt() != null) {
                    valid = refuse(context, "admittedAt", "is only for an INPATIENT or DELIVERY bill, not " + bill.visitType());
                }
                if (bill.dischargedAt() != null) {
                    valid = refuse(context, "dischargedAt", "is only for an INPATIENT or DELIVERY bill, not " + bill.visitType());
                }
                return valid;
            }
            if (bill.admittedAt() != null && bill.serviceDate() != null && bill.admittedAt().toLocalDate().isAfter(bill.serviceDate())) {
                valid = refuse(context, "admittedAt", "is after the service date " + bill.serviceDate());
            }
            if (bill.dischargedAt() != null) {
                if (bill.admittedAt() != null && bill.dischargedAt().isBefore(bill.admittedAt())) {
                    valid = refuse(context, "dischargedAt", "is before admittedAt " + bill.admittedAt());
                } else if (bill.serviceDate() != null && !bill.dischargedAt().toLocalDate().equals(bill.serviceDate())) {
                    valid = refuse(context, "dischargedAt", "must be on the service date " + bill.serviceDate()
                            + " (a stay is settled at discharge; a mid-stay settlement states no discharge)");
                }
            }
            return valid;
        }

        private static boolean refuse(ConstraintValidatorContext context, String field, String reason) {
            context.buildConstraintViolationWithTemplate(reason.replace("{", "\\{").replace("$", "\\$"))
                    .addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
