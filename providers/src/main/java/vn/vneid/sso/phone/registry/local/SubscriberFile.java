package vn.vneid.sso.phone.registry.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.PhoneNumberException;
import vn.vneid.sso.phone.registry.Subscriber;
import vn.vneid.sso.phone.registry.SubscriberRecords;

/** {@code {"subscribers": [{"number", "ownerNationalId", "kind", "status", "activatedOn", "expiresOn"}, ...]}}. */
final class SubscriberFile {

    private SubscriberFile() {
    }

    static Map<String, Subscriber> read(Path path) throws IOException {
        JsonNode root = JsonSerialization.mapper.readTree(Files.readAllBytes(path));
        Map<String, Subscriber> byNumber = new HashMap<>();
        for (JsonNode node : root.path("subscribers")) {
            Subscriber subscriber = SubscriberRecords.read(node);
            try {
                byNumber.put(PhoneNumber.parse(subscriber.number()).e164(), subscriber);
            } catch (PhoneNumberException e) {
                throw new IOException("not a Vietnamese mobile number in " + path + ": " + e.reason());
            }
        }
        return Map.copyOf(byNumber);
    }
}
