package fr.avec.server.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** French first, English on request ({@code ?lang=en}, remembered in a cookie). */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    /** The languages of the interface; French is the default and the fallback. */
    static final java.util.List<Locale> LANGUAGES = java.util.List.of(Locale.FRENCH, Locale.ENGLISH);

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        // One bundle per feature so that features are added without touching each other's messages.
        messages.setBasenames("messages", "i18n/literature", "i18n/estimate", "i18n/learn", "i18n/communicate", "i18n/security");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.FRENCH);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("avec-lang") {
            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                  Locale locale) {
                // Only the languages the messages exist in; anything else is French.
                super.setLocale(request, response, locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH);
            }
        };
        resolver.setDefaultLocale(Locale.FRENCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
