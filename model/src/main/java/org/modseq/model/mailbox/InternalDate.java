package org.modseq.model.mailbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * A message's internal date (RFC 3501 §2.3.3): the instant the server received it, or the
 * date-time the client gave with APPEND (§6.3.11), to the second, with the zone offset it is
 * shown in. The model reads no clock: whoever executes a command supplies the time.
 *
 * @param epochSecond the instant, in seconds since 1970-01-01T00:00:00Z
 * @param offsetMinutes the zone offset it is shown in, in minutes east of UTC (at most 18 hours either way)
 */
public record InternalDate(long epochSecond, int offsetMinutes) {

    /** The Unix epoch in UTC: the time of callers that supply none (see {@code Environment.FIXED}). */
    public static final InternalDate EPOCH = new InternalDate(0, 0);

    /** RFC 3501 §9 {@code date-month}, whatever the locale. */
    public static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    private static final int MAX_OFFSET_MINUTES = 18 * 60;
    /** RFC 3501 §9 {@code date-year = 4DIGIT}. */
    private static final int MAX_YEAR = 9999;

    public InternalDate {
        if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
            throw new IllegalArgumentException("zone offset beyond 18 hours: " + offsetMinutes + " minutes");
        }
        int year = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), offset(offsetMinutes)).getYear();
        if (year < 0 || year > MAX_YEAR) {
            throw new IllegalArgumentException("year " + year + " has not 4 digits");
        }
    }

    /** The date-time shown at {@code offset}, cut to the second. */
    public static InternalDate of(LocalDateTime local, ZoneOffset offset) {
        return new InternalDate(local.toEpochSecond(offset), offset.getTotalSeconds() / 60);
    }

    /** {@code instant} as shown in {@code zone} (its offset at that instant), cut to the second. */
    public static InternalDate of(Instant instant, ZoneId zone) {
        return new InternalDate(instant.getEpochSecond(), zone.getRules().getOffset(instant).getTotalSeconds() / 60);
    }

    /** RFC 3501 §9 {@code date-time}, quotes included: {@code "17-Jul-1996 02:44:25 -0700"}. */
    public String toWire() {
        OffsetDateTime t = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), offset(offsetMinutes));
        int zone = Math.abs(offsetMinutes);
        return String.format(Locale.ROOT, "\"%02d-%s-%04d %02d:%02d:%02d %s%02d%02d\"", t.getDayOfMonth(),
                MONTHS.get(t.getMonthValue() - 1), t.getYear(), t.getHour(), t.getMinute(), t.getSecond(),
                offsetMinutes < 0 ? "-" : "+", zone / 60, zone % 60);
    }

    private static ZoneOffset offset(int minutes) {
        return ZoneOffset.ofTotalSeconds(minutes * 60);
    }

    @Override
    public String toString() {
        return toWire();
    }
}
