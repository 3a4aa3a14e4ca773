package org.slaescalation.security;

import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ElProviderCompatible;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The engine's last line against code in queries: an expression that a query evaluates (ad hoc, inside
 * {@code orQueries}, or stored in a filter; {@code AbstractQuery.evaluateExpressions}, without a variable scope) runs
 * only when {@link QueryExpressions} allows it. Any other fails the query, whatever path it came by, with
 * {@link InvalidRequestException}: a REST exception, because the engine wraps every engine exception of an
 * expression into a plain one, which Camunda's REST API would answer with 500; this one it answers with 400.
 * Expressions of the process models are not affected.
 */
@Component
public class QueryExpressionPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getExpressionManager() instanceof GuardedExpressionManager)) {
      configuration.setExpressionManager(new GuardedExpressionManager(configuration.getExpressionManager()));
    }
  }

  static final class GuardedExpressionManager implements ExpressionManager, ElProviderCompatible {

    private final ExpressionManager delegate;

    GuardedExpressionManager(ExpressionManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public Expression createExpression(String expression) {
      return new GuardedExpression(delegate.createExpression(expression), expression);
    }

    @Override
    public void addFunction(String name, Method function) {
      delegate.addFunction(name, function);
    }

    @Override
    public ElProvider toElProvider() {
      return ((ElProviderCompatible) delegate).toElProvider();
    }
  }

  private static final String QUERY_CLASS = "org.camunda.bpm.engine.impl.AbstractQuery";

  /** Whether a query is evaluating the expression: its method is a few frames up (see QueryExpressionPluginTest). */
  private static boolean evaluatedByQuery() {
    return StackWalker.getInstance().walk(frames -> frames.limit(8)
        .anyMatch(frame -> QUERY_CLASS.equals(frame.getClassName())
            && "evaluateExpressions".equals(frame.getMethodName())));
  }

  private record GuardedExpression(Expression delegate, String text) implements Expression {

    @Override
    public Object getValue(VariableScope variableScope) {
      check(variableScope);
      return delegate.getValue(variableScope);
    }

    @Override
    public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
      check(variableScope);
      return delegate.getValue(variableScope, contextExecution);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
      delegate.setValue(value, variableScope);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope, BaseDelegateExecution contextExecution) {
      delegate.setValue(value, variableScope, contextExecution);
    }

    @Override
    public String getExpressionText() {
      return delegate.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
      return delegate.isLiteralText();
    }

    private void check(VariableScope variableScope) {
      if (variableScope == null && !QueryExpressions.isAllowed(text) && evaluatedByQuery()) {
        throw new InvalidRequestException(Response.Status.BAD_REQUEST, "The query expression '" + text
            + "' is refused: queries may only use ${currentUser()}, ${currentUserGroups()} and the date functions"
            + " now() and dateTime()");
      }
    }
  }
}
