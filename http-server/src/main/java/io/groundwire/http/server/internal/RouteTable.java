package io.groundwire.http.server.internal;

import io.groundwire.http.server.ExceptionHandler;
import io.groundwire.http.server.Handler;
import io.groundwire.http.server.Request;
import io.groundwire.http.server.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The immutable routes, filters and exception mappings behind a {@code Router}. */
public final class RouteTable {
  private record Route(PathPattern pattern, Map<String, Handler> handlers) {}

  private record Filter(PathPattern pattern, Handler handler) {}

  private record Mapping(Class<?> type, ExceptionHandler<?> handler) {}

  private final Map<String, Route> literals;
  private final List<Route> patterns;
  private final List<Filter> before;
  private final List<Filter> after;
  private final List<Mapping> mappings;
  private final Handler notFound;

  private RouteTable(Draft d) {
    Map<String, Route> lit = new HashMap<>();
    List<Route> pat = new ArrayList<>();
    for (Route r : d.routes.values()) {
      Route copy = new Route(r.pattern, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.handlers)));
      if (r.pattern.isLiteral()) lit.put(r.pattern.pattern(), copy);
      else pat.add(copy);
    }
    literals = lit;
    patterns = List.copyOf(pat);
    before = List.copyOf(d.before);
    after = List.copyOf(d.after);
    mappings = List.copyOf(d.mappings);
    notFound = d.notFound;
  }

  /** The reason phrase of common status codes, used as plain-text bodies. */
  public static String reason(int status) {
    return StatusLines.reason(status);
  }

  /** Runs the filters and the matching route for one request. */
  public void handle(Request request, Response response) throws Exception {
    String rawPath = request instanceof RoutedRequest r ? r.rawPath() : request.path();
    Exception failure = null;
    try {
      boolean answered = false;
      for (int i = 0; i < before.size(); i++) {
        if (run(before.get(i), rawPath, request, response) && response.hasBody()) {
          answered = true;
          break;
        }
      }
      if (!answered) dispatch(rawPath, request, response);
    } catch (Exception e) {
      failure = mapException(e, request, response);
    }
    for (int i = 0; i < after.size(); i++) {
      try {
        run(after.get(i), rawPath, request, response);
      } catch (Exception e) {
        if (failure == null) failure = mapException(e, request, response);
      }
    }
    if (failure != null) throw failure;
  }

  private static boolean run(Filter f, String rawPath, Request request, Response response) throws Exception {
    String[] params = f.pattern.match(rawPath);
    if (params == null) return false;
    setParams(request, params);
    f.handler.handle(request, response);
    return true;
  }

  private void dispatch(String rawPath, Request request, Response response) throws Exception {
    String method = request.method().name();
    boolean head = method.equals("HEAD");
    Route literal = literals.get(rawPath);
    if (literal == null && rawPath.indexOf('%') >= 0) literal = literals.get(request.path());
    if (literal != null) {
      Handler h = pick(literal, method, head);
      if (h != null) {
        setParams(request, NO_PARAMS);
        h.handle(request, response);
        return;
      }
    }
    boolean pathMatched = literal != null;
    for (int i = 0; i < patterns.size(); i++) {
      Route r = patterns.get(i);
      String[] params = r.pattern.match(rawPath);
      if (params == null) continue;
      pathMatched = true;
      Handler h = pick(r, method, head);
      if (h != null) {
        setParams(request, params);
        h.handle(request, response);
        return;
      }
    }
    if (!pathMatched) {
      setParams(request, NO_PARAMS);
      if (notFound != null) notFound.handle(request, response);
      else response.status(404).text("Not Found");
      return;
    }
    String allow = allow(rawPath, literal);
    response.header("Allow", allow);
    if (method.equals("OPTIONS")) {
      response.status(204);
    } else {
      response.status(405).text("Method Not Allowed");
    }
  }

  private static Handler pick(Route r, String method, boolean head) {
    Handler h = r.handlers.get(method);
    if (h == null && head) h = r.handlers.get("GET");
    return h;
  }

  private String allow(String rawPath, Route literal) {
    Set<String> methods = new LinkedHashSet<>();
    if (literal != null) methods.addAll(literal.handlers.keySet());
    for (Route r : patterns) {
      if (r.pattern.match(rawPath) != null) methods.addAll(r.handlers.keySet());
    }
    if (methods.contains("GET")) methods.add("HEAD");
    methods.add("OPTIONS");
    return String.join(", ", methods);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Exception mapException(Exception e, Request request, Response response) {
    for (Class<?> c = e.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Mapping m : mappings) {
        if (m.type == c) {
          try {
            ((ExceptionHandler) m.handler).handle(e, request, response);
            return null;
          } catch (Exception again) {
            again.addSuppressed(e);
            return again;
          }
        }
      }
    }
    return e;
  }

  private static void setParams(Request request, String[] params) {
    if (request instanceof RoutedRequest r) r.pathParams(params);
  }

  private static final String[] NO_PARAMS = new String[0];

  /** The mutable collection a {@code Router.Builder} fills in. */
  public static final class Draft {
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final List<Filter> before = new ArrayList<>();
    private final List<Filter> after = new ArrayList<>();
    private final List<Mapping> mappings = new ArrayList<>();
    private Handler notFound;

    /** Adds a route; see {@code Router.Builder#route}. */
    public void addRoute(String method, String pattern, Handler handler) {
      if (method.isEmpty() || !method.chars().allMatch(Tokens::isTchar)) {
        throw new IllegalArgumentException("not a method token: " + method);
      }
      PathPattern parsed = PathPattern.parse(pattern);
      Route route = routes.computeIfAbsent(pattern, p -> new Route(parsed, new LinkedHashMap<>()));
      if (route.handlers.putIfAbsent(method, handler) != null) {
        throw new IllegalArgumentException(method + " " + pattern + " is already routed");
      }
    }

    /** Adds a before ({@code true}) or after filter. */
    public void addFilter(boolean isBefore, String pattern, Handler filter) {
      (isBefore ? before : after).add(new Filter(PathPattern.parse(pattern), filter));
    }

    /** Maps exceptions of {@code type} to {@code handler}. */
    public void addExceptionHandler(Class<?> type, ExceptionHandler<?> handler) {
      mappings.add(new Mapping(type, handler));
    }

    /** Sets the handler for unmatched paths. */
    public void notFound(Handler handler) {
      this.notFound = handler;
    }

    /** The immutable table. */
    public RouteTable build() {
      return new RouteTable(this);
    }
  }
}
