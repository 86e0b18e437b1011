package org.tandem.core.privacy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;
import org.tandem.core.module.PersonalData;

/**
 * {@code my-data}: everything Tandem stores about the person, as a JSON file in their direct conversation — every
 * {@link PersonalData} part's export, so a store added later is in the file without a change here.
 */
public final class MyDataFlow implements Flow {

    private final List<PersonalData> parts;
    private final AuditLog audit;

    public MyDataFlow(List<PersonalData> parts, AuditLog audit) {
        this.parts = List.copyOf(parts);
        this.audit = audit;
    }

    @Override
    public String id() {
        return "mydata";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("my-data", Audience.PARTICIPANT, "help.usage.my-data", "help.about.my-data"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("generatedAt", turn.now());
        all.put("about", turn.t().get("mydata.about"));
        for (PersonalData part : parts) {
            part.export(turn.who()).ifPresent(v -> all.put(part.section(), v));
        }
        FileAttachment file;
        try {
            file = new FileAttachment("tandem-my-data-" + LocalDate.ofInstant(turn.now(), ZoneOffset.UTC) + ".json",
                    "application/json", Json.write(all).getBytes(StandardCharsets.UTF_8));
        } catch (FileAttachment.TooLarge e) {
            turn.reply("mydata.too-large");
            return;
        }
        audit.record(AuditEntry.by(turn.who(), AuditEntry.MY_DATA, "", "dm", turn.now()));
        try {
            turn.replyWithFile(file, Message.builder().text(turn.t().rich("mydata.ready"))
                    .context(turn.t().rich("mydata.footer")).build());
        } catch (UnsupportedOperationException e) {
            turn.reply("file.unsupported");
        }
    }
}
