package org.tandem.teams;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/teams/files/<token>}: a file linked from a Teams card, as a download (a picture is also what the
 * card shows, Teams fetching it); 404 when unknown or expired.
 */
@RestController
class TeamsFilesController {

    private final TeamsFiles files;

    TeamsFilesController(TeamsFiles files) {
        this.files = files;
    }

    @GetMapping(TeamsFiles.PATH + "{id}")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        return files.find(id).map(f -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(f.mediaType()
                                + (f.mediaType().startsWith("image/") ? "" : ";charset=UTF-8")))
                        .header("Content-Disposition", ContentDisposition.attachment().filename(f.name()).build()
                                .toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Cache-Control", "no-store")
                        .body(f.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
