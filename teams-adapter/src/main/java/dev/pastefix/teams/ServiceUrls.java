package dev.pastefix.teams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Bot Connector addresses that validated activities came from. Replies only ever go to one of
 * these, so a forged activity cannot make the bot call an address of its choosing. Bounded: Teams
 * uses a handful of regional addresses, so old ones falling out costs nothing.
 */
final class ServiceUrls {
  static final int CAPACITY = 1_000;

  private final Map<String, Boolean> trusted =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Records the address of an activity whose token was valid. */
  synchronized void trust(String serviceUrl) {
    trusted.put(normalise(serviceUrl), Boolean.TRUE);
  }

  synchronized boolean trusted(String serviceUrl) {
    return trusted.containsKey(normalise(serviceUrl));
  }

  static String normalise(String serviceUrl) {
    return serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
  }
}
