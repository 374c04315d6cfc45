package dev.pastefix.storage;

import java.util.List;
import java.util.stream.Collectors;

/** The one statement the two databases spell differently: insert, or replace the row of its key. */
enum Dialect {
  H2,
  POSTGRESQL;

  /**
   * {@code insert} changed to add nothing when its key is taken: PostgreSQL says so with no row
   * changed (rather than an error in the server's log for every duplicate); H2 with a duplicate-key
   * error that the caller counts as "taken".
   */
  String insertOrSkip(String insert) {
    return this == POSTGRESQL ? insert + " on conflict do nothing" : insert;
  }

  /** An upsert of {@code columns} into {@code table} whose primary key is {@code key}. */
  String upsert(String table, List<String> key, List<String> columns) {
    String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    String names = String.join(", ", columns);
    if (this == H2) {
      return "merge into "
          + table
          + " ("
          + names
          + ") key ("
          + String.join(", ", key)
          + ")"
          + " values ("
          + marks
          + ")";
    }
    String updates =
        columns.stream()
            .filter(c -> !key.contains(c))
            .map(c -> c + " = excluded." + c)
            .collect(Collectors.joining(", "));
    return "insert into "
        + table
        + " ("
        + names
        + ") values ("
        + marks
        + ")"
        + " on conflict ("
        + String.join(", ", key)
        + ") do update set "
        + updates;
  }
}
