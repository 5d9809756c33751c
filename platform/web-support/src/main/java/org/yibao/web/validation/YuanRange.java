package org.yibao.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.yibao.contracts.money.Money;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * An amount of {@link Money} (yuan, scale 2) within bounds; null passes (use {@code @NotNull}).
 * {@link Money#of(String)} already keeps every amount within what the columns store; this says what
 * the field means, for example that a payment is never negative.
 */
@Documented
@Constraint(validatedBy = YuanRange.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface YuanRange {

    /** The least amount allowed, in yuan. */
    String min() default "0.00";

    /** The greatest amount allowed, in yuan. */
    String max() default "999999999999.99";

    String message() default "must be between {min} and {max} yuan";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<YuanRange, Money> {
        private BigDecimal min;
        private BigDecimal max;

        @Override
        public void initialize(YuanRange range) {
            min = new BigDecimal(range.min());
            max = new BigDecimal(range.max());
        }

        @Override
        public boolean isValid(Money value, ConstraintValidatorContext context) {
            return value == null || value.amount().compareTo(min) >= 0 && value.amount().compareTo(max) <= 0;
        }
    }
}
