package org.santeatlas.importers.pull;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * How the pull signs in: a DHIS2 personal access token (DHIS2 2.37+, header {@code Authorization: ApiToken
 * …}) or a user name and password (HTTP Basic). Kept only in memory: never logged, never written to the
 * workspace, never part of a message or of {@link #toString()}.
 */
public sealed interface Dhis2Credentials {

    /** The value of the {@code Authorization} header. */
    String authorization();

    /** Wipes what can be wiped (the password's characters) once the pull is over. */
    default void clear() {
    }

    static Dhis2Credentials token(String token) {
        return new ApiToken(token);
    }

    static Dhis2Credentials userPassword(String user, char[] password) {
        return new UserPassword(user, password);
    }

    /** A personal access token. */
    final class ApiToken implements Dhis2Credentials {
        private final String token;

        ApiToken(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("empty token");
            }
            this.token = token.strip();
        }

        @Override
        public String authorization() {
            return "ApiToken " + token;
        }

        @Override
        public String toString() {
            return "ApiToken[hidden]";
        }
    }

    /** A user name and password, sent as HTTP Basic (UTF-8, as DHIS2 reads it). */
    final class UserPassword implements Dhis2Credentials {
        private final String user;
        private final char[] password;

        UserPassword(String user, char[] password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            this.user = user;
            this.password = password.clone();
        }

        public String user() {
            return user;
        }

        @Override
        public String authorization() {
            CharBuffer chars = CharBuffer.allocate(user.length() + 1 + password.length);
            chars.put(user).put(':').put(password).flip();
            var bytes = StandardCharsets.UTF_8.encode(chars);
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            Arrays.fill(chars.array(), '\0');
            String header = "Basic " + Base64.getEncoder().encodeToString(raw);
            Arrays.fill(raw, (byte) 0);
            return header;
        }

        @Override
        public void clear() {
            Arrays.fill(password, '\0');
        }

        @Override
        public String toString() {
            return "UserPassword[" + user + ", hidden]";
        }
    }
}
