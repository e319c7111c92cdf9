package vn.kyso.signing.verify;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;

/**
 * Whether a tagged PDF's /StructTreeRoot only grew: every signed entry is still there, in
 * order, and unchanged, with new entries beside them (the structure elements and parent-tree
 * entries a signing tool adds for a new signature field) and /ParentTreeNextKey raised. The
 * structure tree is not drawn; it must still not lose or rewrite what was signed.
 */
final class StructureGrowth {

    private static final COSName NEXT_KEY = COSName.getPDFName("ParentTreeNextKey");

    private final ObjectGraph graph;
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    StructureGrowth(ObjectGraph graph) {
        this.graph = graph;
    }

    boolean grows(COSBase a, COSBase b) throws IOException {
        if (graph.same(a, b)) {
            return true;
        }
        COSBase s = FormFields.resolve(a);
        COSBase f = FormFields.resolve(b);
        if (s == null || f == null) {
            return s == null;
        }
        if (!seen.add(s)) {
            return true; // a cycle (/P back to the parent): judged where it started
        }
        if (s instanceof COSDictionary sd && f instanceof COSDictionary fd) {
            for (COSName key : sd.keySet()) {
                if (key.equals(NEXT_KEY)) {
                    if (!(sd.getDictionaryObject(key) instanceof COSNumber sn && fd.getDictionaryObject(key) instanceof COSNumber fn
                            && fn.longValue() >= sn.longValue())) {
                        return false;
                    }
                } else if (key.equals(COSName.P) || key.equals(COSName.PARENT)) {
                    if (!graph.sameReference(sd.getItem(key), fd.getItem(key))) {
                        return false;
                    }
                } else if (!grows(sd.getItem(key), fd.getItem(key))) {
                    return false;
                }
            }
            return true;
        }
        if (s instanceof COSArray sa && f instanceof COSArray fa) {
            int j = 0;
            for (int i = 0; i < sa.size(); i++) {
                while (j < fa.size() && !matches(sa.get(i), fa.get(j))) {
                    j++;
                }
                if (j == fa.size()) {
                    return false;
                }
                j++;
            }
            return true;
        }
        return false;
    }

    /** The same entry: the same indirect object grown, or equal content. */
    private boolean matches(COSBase s, COSBase f) throws IOException {
        if (s instanceof COSObject so && f instanceof COSObject fo && so.getKey() != null && so.getKey().equals(fo.getKey())) {
            return grows(s, f);
        }
        return graph.same(s, f);
    }
}
