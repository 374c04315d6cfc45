package dev.pastefix.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.ConversationKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How values map to columns: conversation keys to four columns, lists to JSON text. */
final class Columns {
  /** The thread column of a conversation outside any thread (a key's thread is never blank). */
  static final String NO_THREAD = "";

  static final String KEY_COLUMNS = "platform, workspace, channel, thread";
  static final String KEY_MATCH = "platform = ? and workspace = ? and channel = ? and thread = ?";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Columns() {}

  /** Binds {@code key} to the four parameters from {@code first}; the next free index. */
  static int bind(PreparedStatement s, int first, ConversationKey key) throws SQLException {
    s.setString(first, key.platform());
    s.setString(first + 1, key.workspace());
    s.setString(first + 2, key.channel());
    s.setString(first + 3, key.thread().orElse(NO_THREAD));
    return first + 4;
  }

  static ConversationKey key(ResultSet row) throws SQLException {
    String thread = row.getString("thread");
    return new ConversationKey(
        row.getString("platform"),
        row.getString("workspace"),
        row.getString("channel"),
        thread.isEmpty() ? Optional.empty() : Optional.of(thread));
  }

  static String ids(List<String> ids) {
    return write(ids);
  }

  static List<String> ids(String json) {
    return List.copyOf(read(json, new TypeReference<List<String>>() {}));
  }

  static String scores(List<ScoredEntry> entries) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (ScoredEntry e : entries) {
      out.put(e.entryId(), e.score());
    }
    return write(out);
  }

  static List<ScoredEntry> scores(String json) {
    Map<String, Double> map = read(json, new TypeReference<LinkedHashMap<String, Double>>() {});
    List<ScoredEntry> out = new ArrayList<>();
    map.forEach((id, score) -> out.add(new ScoredEntry(id, score)));
    return out;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StateStoreException("a stored value is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
