package vn.vneid.sso.population.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.identity.NationalIdException;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.population.Person;
import vn.vneid.sso.population.PersonRecords;

/** {@code {"people": [person record, ...]}} (see {@link PersonRecords}); every number must be a valid one. */
final class PopulationFile {

    private PopulationFile() {
    }

    static Map<String, Person> read(Path path) throws IOException {
        JsonNode root = JsonSerialization.mapper.readTree(Files.readAllBytes(path));
        Map<String, Person> byNumber = new HashMap<>();
        for (JsonNode node : root.path("people")) {
            Person person = PersonRecords.read(node);
            try {
                NationalIdNumber.parse(person.nationalId());
            } catch (NationalIdException e) {
                throw new IOException("not a national number in " + path + ": " + e.reason());
            }
            if (byNumber.put(person.nationalId(), person) != null) {
                throw new IOException("a national number twice in " + path);
            }
        }
        return Map.copyOf(byNumber);
    }
}
