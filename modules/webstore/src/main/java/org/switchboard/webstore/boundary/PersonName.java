package org.switchboard.webstore.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.switchboard.messaging.schema.PersonNames;

/**
 * A person's name as {@link PersonNames} defines it: NFC, at least one letter, nothing that hides
 * or reorders characters. Null is valid (whether a name is required is {@code @NotBlank}'s call).
 * The message names the field by {@link #label()} and says what is wrong with it.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonName.Check.class)
public @interface PersonName {

    /** How the field is called in a message, e.g. "Given name". */
    String label();

    String message() default "Not a valid name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PersonName, String> {

        private String label;

        @Override
        public void initialize(PersonName annotation) {
            label = annotation.label();
        }

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            var message = message(label, name);
            if (message.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // Label and flaw are our own words: nothing in them for the interpolator to expand.
            context.buildConstraintViolationWithTemplate(message.get()).addConstraintViolation();
            return false;
        }

        /** What is wrong with the name, as a sentence starting with the label; empty if nothing. */
        static Optional<String> message(String label, String name) {
            return name == null ? Optional.empty() : PersonNames.flaw(name).map(f -> label + " " + f.message());
        }
    }
}
