package org.tandem.deploy;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.settings.Settings;

/**
 * {@code tandem.admin.*}, {@code tandem.digest.*}, {@code tandem.retention.*} and {@code tandem.reports.*}: the
 * core's settings. Bad values
 * stop the start with a clear message rather than misbehave later.
 *
 * @param adminLocale language of what the bot posts on its own in the admin channel ({@code en} or {@code fr})
 * @param digestTime  time of day of the coordinators' daily summary, e.g. {@code 09:00}
 * @param digestZone  time zone of {@code digestTime}, e.g. {@code Europe/Paris}
 * @param rhythm      the mentoring rhythm's settings
 * @param retention   how long personal data of closed programmes is kept, e.g. {@code P12M} or {@code 12m}
 * @param reports     reports' smallest group ({@code min-group}, default 5)
 */
@ConfigurationProperties("tandem")
public record CoreProperties(Admin admin, Digest digest, Rhythm rhythm, Retention retention, Reports reports) {

    /** {@code tandem.admin.*}. */
    public record Admin(String locale) {}

    /** {@code tandem.digest.*}. */
    public record Digest(LocalTime time, ZoneId zone) {}

    /** {@code tandem.rhythm.*}: {@code weekly-cap}, the most check-in nudges a person gets in a week. */
    public record Rhythm(Integer weeklyCap) {}

    /** {@code tandem.retention.*}. */
    public record Retention(Period closedProgrammes) {}

    /** {@code tandem.reports.*}: {@code min-group}, the fewest people an average, a rate or a chart cell shows. */
    public record Reports(Integer minGroup) {}

    Settings settings() {
        Settings d = Settings.defaults();
        Locale locale = d.adminLocale();
        if (admin != null && admin.locale() != null && !admin.locale().isBlank()) {
            locale = Texts.parseLanguage(admin.locale()).orElseThrow(() -> new IllegalArgumentException(
                    "tandem.admin.locale must be en or fr, not '" + admin.locale() + "'"));
        }
        LocalTime time = digest != null && digest.time() != null ? digest.time() : d.digestTime();
        ZoneId zone = digest != null && digest.zone() != null ? digest.zone() : d.digestZone();
        int cap = rhythm != null && rhythm.weeklyCap() != null ? rhythm.weeklyCap() : d.weeklyCap();
        if (cap < 1 || cap > 20) {
            throw new IllegalArgumentException("tandem.rhythm.weekly-cap must be from 1 to 20, not " + cap);
        }
        Period keep = retention != null && retention.closedProgrammes() != null ? retention.closedProgrammes()
                : d.retainClosedProgrammes();
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("tandem.retention.closed-programmes must be a positive period such as "
                    + "P12M, not '" + keep + "'");
        }
        int group = reports != null && reports.minGroup() != null ? reports.minGroup() : d.minGroup();
        if (group < Settings.MIN_MIN_GROUP || group > Settings.MAX_MIN_GROUP) {
            throw new IllegalArgumentException("tandem.reports.min-group must be from " + Settings.MIN_MIN_GROUP + " to "
                    + Settings.MAX_MIN_GROUP + ", not " + group);
        }
        return new Settings(locale, time, zone, cap, keep, group);
    }
}
