package org.slaescalation.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** The indexes of a table as the JDBC driver reports them, whatever case the database folds names to. */
public final class Indexes {

  private Indexes() {}

  /** Index name → its column names in key order, for every index of {@code table}. */
  public static Map<String, List<String>> of(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      String name = metaData.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT)
          : table.toUpperCase(Locale.ROOT);
      Map<String, List<String>> indexes = new LinkedHashMap<>();
      try (ResultSet rows = metaData.getIndexInfo(null, null, name, false, false)) {
        while (rows.next()) {
          String index = rows.getString("INDEX_NAME");
          String column = rows.getString("COLUMN_NAME");
          if (index != null && column != null) {
            indexes.computeIfAbsent(index.toLowerCase(Locale.ROOT), i -> new ArrayList<>())
                .add(column.toUpperCase(Locale.ROOT));
          }
        }
      }
      return indexes;
    }
  }
}
