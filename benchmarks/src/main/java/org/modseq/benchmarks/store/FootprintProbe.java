package org.modseq.benchmarks.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.modseq.model.command.Command;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ImapEngine;

/**
 * The heap the reference store takes per message, measured: a store engine is filled with n
 * messages through APPEND, then every message gets one flag change; live heap is read after full
 * collections before, after the fill and after the changes. Each message keeps its octets in an
 * array of its own; that array's size (header and padding included) is reported apart, so that
 * the store's own structures per message can be read off. Usage: {@code FootprintProbe
 * [messages] [results.jsonl]}; run with a heap big enough for n (e.g. -Xmx4g for 10^6).
 */
public final class FootprintProbe {

    private FootprintProbe() {
    }

    public static void main(String[] args) throws IOException {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        for (String preset : new String[] {"rfc-defaults", "hardest"}) {
            ServerChoices choices = preset.equals("hardest") ? ServerChoices.HARDEST_ON_CLIENTS : ServerChoices.RFC_DEFAULTS;
            long before = liveHeap();
            ImapEngine engine = ChangedMailbox.storeEngine(choices);
            Connection writer = ChangedMailbox.login(engine);
            Command append = ChangedMailbox.command("APPEND INBOX {" + ChangedMailbox.CONTENT.length() + "}\r\n"
                    + ChangedMailbox.CONTENT);
            for (int i = 0; i < messages; i++) {
                writer.execute("a", append);
            }
            long filled = liveHeap();
            ChangedMailbox.run(writer, "SELECT INBOX");
            ChangedMailbox.run(writer, "STORE 1:* +FLAGS.SILENT (\\Seen)"); // one change per message
            long changed = liveHeap();
            Reference.reachabilityFence(engine); // else the engine may be collected before it is weighed
            double asAppended = (filled - before) / (double) messages;
            double afterChange = (changed - before) / (double) messages;
            // A byte[] is a 16-byte header and its octets, padded to 8 bytes.
            long contentArray = (16 + ChangedMailbox.CONTENT.length() + 7) / 8 * 8;
            System.out.printf(Locale.ROOT, "%s, %,d messages: %.1f bytes per message as appended, %.1f after one"
                    + " change each; of which %d are the message's own octets%n", preset, messages, asAppended,
                    afterChange, contentArray);
            if (args.length > 1) {
                ObjectMapper json = new ObjectMapper();
                ObjectNode node = json.createObjectNode();
                node.put("preset", preset);
                node.put("messages", messages);
                node.put("bytesPerMessageAppended", Math.round(asAppended * 10) / 10.0);
                node.put("bytesPerMessageChanged", Math.round(afterChange * 10) / 10.0);
                node.put("contentArrayBytes", contentArray);
                Files.writeString(Path.of(args[1]), json.writeValueAsString(node) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
