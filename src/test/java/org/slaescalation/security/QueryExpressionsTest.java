package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which expressions a stored filter may hold: the current user, their groups and date functions, nothing else. */
class QueryExpressionsTest {

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ${currentUser()}                                      | true  | the shipped "My tasks" filter
      ${ currentUser( ) }                                   | true  | spaces do not matter
      ${currentUserGroups()}                                | true  | the current user's groups
      ${now()}                                              | true  | a date function
      ${dateTime().plusDays(2)}                             | true  | Joda-Time arithmetic
      ${dateTime().minusHours(8).withTimeAtStartOfDay().toDate()} | true | chained, with toDate()
      #{currentUser()}                                      | false | deferred syntax is not on the list
      ${currentUser().toString()}                           | false | a call on the result
      ${''.getClass().forName('java.lang.Runtime')}         | false | reflection
      ${dateTime().plusDays(2).getClass()}                  | false | a date function, then anything
      ${currentUser()}${currentUser()}                      | false | two expressions in one value
      ${ticketService}                                      | false | a bean of the application
      ${execution}                                          | false | anything else
      """)
  void onlyTheListedExpressionsAreAllowed(String expression, boolean allowed, String reason) {
    assertThat(QueryExpressions.isExpression(expression)).isTrue();
    assertThat(QueryExpressions.isAllowed(expression)).as(reason).isEqualTo(allowed);
  }
}
