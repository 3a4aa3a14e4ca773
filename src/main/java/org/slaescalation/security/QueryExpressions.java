package org.slaescalation.security;

import java.util.regex.Pattern;

/**
 * The expressions a stored Tasklist filter may use: the current user, the current user's groups and date
 * functions (Camunda's {@code now()} and {@code dateTime()} with Joda-Time's {@code plus…}/{@code minus…},
 * {@code withTimeAtStartOfDay()} and {@code toDate()}). Anything else in a query is code that would run on the
 * server, so it is refused.
 */
final class QueryExpressions {

  private static final String AMOUNT = "\\(\\s*-?\\d{1,9}\\s*\\)";
  private static final String DATE_STEP = "\\s*\\.\\s*(?:(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds"
      + "|Millis)" + AMOUNT + "|withTimeAtStartOfDay\\(\\s*\\))";
  private static final Pattern ALLOWED = Pattern.compile("\\$\\{\\s*(?:currentUser\\(\\s*\\)|currentUserGroups\\(\\s*\\)"
      + "|now\\(\\s*\\)|dateTime\\(\\s*\\)(?:" + DATE_STEP + ")*(?:\\s*\\.\\s*toDate\\(\\s*\\))?)\\s*}");

  private QueryExpressions() {}

  /** Whether the text holds an expression at all ({@code ${…}} or {@code #{…}}). */
  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Whether the text is exactly one of the allowed expressions. */
  static boolean isAllowed(String text) {
    return text != null && ALLOWED.matcher(text.strip()).matches();
  }
}
