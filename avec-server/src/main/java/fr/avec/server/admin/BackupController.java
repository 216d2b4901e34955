package fr.avec.server.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/backups}: an online backup of the embedded database while the server runs, into
 * {@code ${avec.home}/backups} (admin API key; the security chain checks the role). {@code avec backup --server}
 * calls it.
 */
@RestController
public class BackupController {

    private static final Logger LOG = LoggerFactory.getLogger(BackupController.class);
    private final Backups backups;

    public BackupController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping(path = "/api/admin/backups", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create() {
        Backups.Backup backup = backups.create(backups.defaultTarget());
        LOG.atInfo().addKeyValue("file", backup.file().getFileName()).addKeyValue("bytes", backup.bytes()).log("backup written");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", backup.file().toString());
        body.put("bytes", backup.bytes());
        body.put("sha256", backup.sha256());
        body.put("at", backup.at().toString());
        return body;
    }

    @ExceptionHandler(Backups.BackupRefused.class)
    ProblemDetail refused(Backups.BackupRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Backup refused");
        return problem;
    }
}
