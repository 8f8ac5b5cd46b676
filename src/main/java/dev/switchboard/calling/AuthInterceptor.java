package dev.switchboard.calling;

import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds the bearer token of the call's identity. On a 401 it invalidates that token and, when the provider
 * then offers a different one, retries the call once with it; a provider that can only repeat the rejected
 * token (a static token) gets no second try.
 */
final class AuthInterceptor implements Interceptor {

  private final Map<Identity, TokenProvider> providers;

  AuthInterceptor(Map<Identity, TokenProvider> providers) {
    this.providers = Map.copyOf(providers);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    var request = chain.request();
    var identity = RequestTag.of(request).identity();
    TokenProvider provider = providers.get(identity);
    if (provider == null) {
      throw new IllegalStateException("no " + identity + " token configured for " + RequestTag.of(request).operation());
    }
    String token = provider.token();
    Response response = chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token).build());
    if (response.code() != 401) {
      return response;
    }
    String fresh;
    try {
      provider.invalidate(token);
      fresh = provider.token();
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
    if (fresh.equals(token)) {
      return response;
    }
    response.close();
    return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + fresh).build());
  }
}
