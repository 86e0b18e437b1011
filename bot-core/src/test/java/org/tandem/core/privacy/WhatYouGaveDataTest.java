package org.tandem.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.people.People;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.Seed;

/**
 * A mentor's consent to show what they gave is their data: {@code my-data} lists it, whether given or not, and
 * {@code forget-me} erases it with them.
 */
class WhatYouGaveDataTest {

    private final Chat chat = new Chat();
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final People people = new People(chat.db());

    @BeforeEach
    void bobMentorsAliceAndConsents() {
        Seed.openProgramme(chat, "Leadership");
        Life.active(chat, "Leadership", alice, bob);
        bob.says("profile");
        bob.clicksButton("Show what I gave to mentees choosing a mentor");
        assertThat(people.showsGivenSince(bob.ref())).contains(chat.clock().instant());
    }

    private Document profileInFile(Chat.Person who) {
        who.says("my-data");
        List<RecordingMessenger.SentFile> files = chat.outbox().filesTo(who.ref().key());
        String json = new String(files.get(files.size() - 1).file().bytes(), StandardCharsets.UTF_8);
        return Document.parse(json).get("profile", Document.class);
    }

    @Test
    void myDataListsTheSettingWhetherGivenOrNot() {
        Document bobs = profileInFile(bob);
        assertThat(bobs.getBoolean("whatYouGaveShownToMenteesChoosingAMentor")).isTrue();
        assertThat(bobs.get("whatYouGaveShownSince")).isNotNull();
        Document alices = profileInFile(alice);
        assertThat(alices.getBoolean("whatYouGaveShownToMenteesChoosingAMentor")).isFalse();
        assertThat(alices.containsKey("whatYouGaveShownSince")).isFalse();

        bob.says("profile");
        bob.clicksButton("Hide it from mentees");
        assertThat(profileInFile(bob).getBoolean("whatYouGaveShownToMenteesChoosingAMentor")).as("withdrawn")
                .isFalse();
    }

    @Test
    void forgetMeErasesIt() {
        bob.says("forget-me");
        bob.clicksButton("Erase my data");
        assertThat(people.showsGivenSince(bob.ref())).isEmpty();
        assertThat(DatabaseScan.find(chat.db(), List.of("showsGivenSince"))).isEmpty();
        // back as a stranger: the consent is not given again by itself
        bob.says("hello");
        assertThat(people.showsGivenSince(bob.ref())).isEmpty();
    }
}
