package fr.avec.server.estimate;

import java.util.Locale;
import java.util.OptionalDouble;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Number formats of Estimer's pages ({@code ${@estimateFormat.share(x)}}): « — » for no data, never « NaN ». */
@Component
public class EstimateFormat {

    /** A share as a percentage with one decimal. */
    public String share(OptionalDouble value) {
        return value.isEmpty() || Double.isNaN(value.getAsDouble()) ? "—" : String.format(locale(), "%.1f %%", value.getAsDouble() * 100);
    }

    public String share(double value) {
        return share(Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value));
    }

    /** A value with two decimals. */
    public String number(OptionalDouble value) {
        return value.isEmpty() || Double.isNaN(value.getAsDouble()) ? "—" : String.format(locale(), "%.2f", value.getAsDouble());
    }

    public String number(double value) {
        return number(Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value));
    }

    /** A value that may be absent (null), with two decimals. */
    public String nullable(Double value) {
        return value == null ? "—" : number(value.doubleValue());
    }

    /** The value of an indicator in its unit: a share in %, otherwise a number. */
    public String value(fr.avec.estimate.Indicator indicator, OptionalDouble value) {
        return indicator.share() ? share(value) : number(value);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRANCE;
    }
}
