package vn.kyso.signing.verify;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;

import vn.kyso.signing.ChangeKind;

/**
 * Whether a new or changed appearance draws on objects the signed revision already held in
 * another role: content that was prepared, unused or hidden, before signing and is shown by an
 * update (the shadow "hide" attacks). Objects that the widget's own earlier appearance used
 * stay allowed (form filling rewrites them in place), and so do fonts, which appearances share.
 */
final class AppearanceOrigin {

    private static final int MAX_OBJECTS = 5_000;
    private static final Set<COSName> NOT_FOLLOWED = Set.of(COSName.FONT, COSName.PARENT, COSName.P);

    private final ObjectGraph graph;

    AppearanceOrigin(ObjectGraph graph) {
        this.graph = graph;
    }

    /**
     * @param before the widget in the signed revision, null when it is new
     * @param after  the widget in the final document
     */
    void check(COSDictionary before, COSDictionary after, Integer page, String field) {
        Set<COSObjectKey> own = before == null ? Set.of() : reachable(before.getItem(COSName.AP));
        for (COSObjectKey key : reachable(after.getItem(COSName.AP))) {
            if (graph.existedBefore(key) && !own.contains(key)) {
                graph.findings().add(ChangeKind.OBJECT_REUSED, page, FormFields.qualifiedName(after),
                        "the appearance of field " + field + " draws object " + key.getNumber()
                                + ", which the signed revision held in another role");
                return;
            }
        }
    }

    private static Set<COSObjectKey> reachable(COSBase start) {
        Set<COSObjectKey> keys = new HashSet<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.add(start == null ? new COSDictionary() : start);
        while (!todo.isEmpty() && seen.size() < MAX_OBJECTS) {
            COSBase item = todo.pop();
            if (item instanceof COSObject o) {
                if (o.getKey() != null) {
                    keys.add(o.getKey());
                }
                item = o.getObject();
            }
            if (item == null || !seen.add(item)) {
                continue;
            }
            if (item instanceof COSDictionary d) {
                for (COSName key : d.keySet()) {
                    if (!NOT_FOLLOWED.contains(key)) {
                        todo.add(d.getItem(key));
                    }
                }
            } else if (item instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.add(a.get(i));
                }
            }
        }
        return keys;
    }
}
