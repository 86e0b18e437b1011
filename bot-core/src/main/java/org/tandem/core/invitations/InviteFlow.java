package org.tandem.core.invitations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.ProgramState;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.FanOut;

/**
 * {@code invite PROGRAMME [addresses | #channel]}: finds the people in the platform's directory (or a channel's
 * members), records one invitation per person, and plans one due item each ({@link FanOut}), so that the DMs go out
 * at the platform's pace, not inside the coordinator's command. Without addresses, a form to paste them (or a CSV).
 */
final class InviteFlow implements Flow {

    static final String ID = "invite";
    static final String FORM = ID + ".form";
    /** At most this many people per command: a larger list is refused, so that nothing goes out by accident. */
    static final int MAX_PEOPLE = 2000;
    /** A pasted CSV of {@link #MAX_PEOPLE} rows fits. */
    static final int MAX_TEXT = 200_000;
    /** Past this many handles not found, the answer says how many more. */
    static final int LISTED = 20;

    private static final Pattern FIRST_HANDLE = Pattern.compile("(?<=^|\\s)\\S*[@#<]");

    /** The steps of an invite: the addresses are being pasted. */
    enum Step { PASTE }

    private final Programs programs;
    private final Enrollments enrollments;
    private final Invitations invitations;
    private final DueItems due;
    private final AuditLog audit;
    private final Messenger messenger;

    InviteFlow(Programs programs, Enrollments enrollments, Invitations invitations, DueItems due, AuditLog audit,
               Messenger messenger) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.invitations = invitations;
        this.due = due;
        this.audit = audit;
        this.messenger = messenger;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("invite", Audience.COORDINATOR, "help.usage.invite", "help.about.invite"));
    }

    @Override
    public void bind(Bindings on) {
        on.submit(FORM, Access.COORDINATORS, Set.of("addresses"), this::pasted);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        if (command.rest().isEmpty()) {
            turn.reply("invite.usage");
            return;
        }
        String[] split = split(programs.all(turn.who().scope()), command.rest());
        Optional<Program> program = ProgramNames.resolve(turn, programs, split[0], "invite").filter(p -> open(turn, p));
        if (program.isEmpty()) {
            return;
        }
        String after = split[1].strip();
        if (after.isEmpty()) {
            turn.save(ConversationState.start(ID, Step.PASTE).with("program", program.get().id()));
            turn.reply(Message.of(form(turn.t(), program.get(), Map.of(), Map.of())));
        } else if (!after.contains(" ") && (after.startsWith("#") || after.startsWith("<#"))) {
            channel(turn, program.get(), after);
        } else {
            handles(turn, program.get(), Addresses.parse(after));
        }
    }

    private void pasted(Turn turn, Input.Submit submit) {
        Optional<Program> program = turn.state().filter(s -> s.in(ID, Step.PASTE))
                .flatMap(s -> programs.find(s.string("program")));
        if (program.isEmpty()) {
            turn.reply("invite.expired");
            return;
        }
        FormCheck check = new FormCheck(submit, turn.t());
        String text = check.text("addresses", true, MAX_TEXT);
        List<String> handles = check.ok() ? Addresses.parse(text) : List.of();
        if (check.ok() && handles.isEmpty()) {
            check.error("addresses", "invite.none");
        } else if (handles.size() > MAX_PEOPLE) {
            check.error("addresses", "invite.too-many", handles.size(), MAX_PEOPLE);
        }
        if (!check.ok()) {
            turn.reply(Message.of(form(turn.t(), program.get(), check.submitted(), check.errors())));
            return;
        }
        turn.clearState();
        if (open(turn, program.get())) {
            handles(turn, program.get(), handles);
        }
    }

    /** Whether people may join the programme now; if not, the coordinator is told why. */
    private static boolean open(Turn turn, Program p) {
        if (!p.state().enrolling()) {
            turn.reply(p.state() == ProgramState.CLOSED ? "invite.closed" : "invite.not-open",
                    p.name());
            return false;
        }
        return true;
    }

    private void handles(Turn turn, Program program, List<String> handles) {
        if (handles.isEmpty()) {
            turn.reply("invite.none");
            return;
        }
        if (handles.size() > MAX_PEOPLE) {
            turn.reply("invite.too-many", handles.size(), MAX_PEOPLE);
            return;
        }
        Optional<Map<String, Contact>> asked = turn.fromPlatform(() -> messenger.lookup(program.scope(), handles));
        if (asked.isEmpty()) {
            return;
        }
        Map<String, Contact> found = asked.get();
        List<String> missing = handles.stream().filter(h -> !found.containsKey(h)).toList();
        invite(turn, program, found, missing, "addresses");
    }

    private void channel(Turn turn, Program program, String typed) {
        Optional<ChannelRef> channel = turn.channelNamed(program.scope(), typed, "invite.no-channel");
        if (channel.isEmpty()) {
            return;
        }
        Optional<List<Contact>> in = turn.fromPlatform(() -> messenger.members(channel.get()));
        if (in.isEmpty()) {
            return;
        }
        List<Contact> members = in.get();
        if (members.size() > MAX_PEOPLE) {
            turn.reply("invite.too-many", members.size(), MAX_PEOPLE);
            return;
        }
        Map<String, Contact> found = new LinkedHashMap<>();
        members.forEach(c -> found.putIfAbsent(c.person().key(), c));
        invite(turn, program, found, List.of(), "#" + channel.get().name());
    }

    /** Invites everyone found who is neither enrolled nor invited yet, and tells the coordinator how it went. */
    private void invite(Turn turn, Program program, Map<String, Contact> found, List<String> missing, String subject) {
        List<PersonRef> invited = new ArrayList<>();
        int enrolled = 0;
        int already = 0;
        int unreachable = 0;
        for (Map.Entry<String, Contact> e : found.entrySet()) {
            Contact c = e.getValue();
            if (!c.person().scope().equals(program.scope()) || invited.contains(c.person())) {
                continue;
            }
            String handle = subject.startsWith("#") ? subject : e.getKey();
            if (enrollments.find(c.person(), program.id()).isPresent()) {
                enrolled++;
            } else if (!invitations.create(program.id(), c, handle, turn.who(), turn.now())) {
                already++;
            } else {
                invited.add(c.person());
                unreachable += c.reachable() ? 0 : 1;
            }
        }
        Pace pace = messenger.pace(program.scope());
        FanOut.plan(due, InvitationMessages.SEND, program.id(), invited, Map.of("program", program.id()), turn.now(),
                pace);
        audit.record(AuditEntry.by(turn.who(), AuditEntry.INVITE, subject, "admin", turn.now()).in(program.id())
                .counting(invited.size()));
        Texts t = turn.t();
        long minutes = (FanOut.spread(invited.size(), pace).toSeconds() + 59) / 60;
        Message.Builder m = Message.builder().text(t.rich("invite.done", invited.size(), program.name(), minutes));
        if (enrolled + already > 0) {
            m.text(t.rich("invite.skipped", enrolled, already));
        }
        if (!missing.isEmpty()) {
            String listed = String.join(", ", missing.subList(0, Math.min(LISTED, missing.size())));
            m.text(t.rich("invite.not-found", missing.size(), listed, Math.max(0, missing.size() - LISTED)));
        }
        if (unreachable > 0) {
            m.text(t.rich("invite.unreachable", unreachable));
        }
        turn.reply(m.build());
    }

    /**
     * The programme's name and what follows it: the longest run of words that is a programme's name (any case), else
     * everything before the first word that is an address, a channel or a {@code Name <address>}.
     */
    static String[] split(List<Program> all, String rest) {
        String lower = rest.toLowerCase(Locale.ROOT);
        int best = -1;
        for (Program p : all) {
            String name = p.name().toLowerCase(Locale.ROOT);
            if (lower.startsWith(name) && (lower.length() == name.length()
                    || Character.isWhitespace(lower.charAt(name.length()))) && name.length() > best) {
                best = name.length();
            }
        }
        if (best >= 0) {
            return new String[] {rest.substring(0, best), rest.substring(best)};
        }
        int cut = rest.length();
        Matcher m = FIRST_HANDLE.matcher(rest);
        if (m.find()) {
            cut = m.start();
        }
        return new String[] {rest.substring(0, cut).strip(), rest.substring(cut)};
    }

    private static Block.Form form(Texts t, Program p, Map<String, List<String>> values, Map<String, String> errors) {
        return new FormBuilder(FORM, t.get("invite.form.title", p.name()), t, values, errors)
                .textarea("addresses", "invite.form.addresses", true, MAX_TEXT, "invite.form.hint")
                .build("invite.form.submit");
    }
}
