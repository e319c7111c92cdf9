package vn.kyso.signing.verify;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.Change;
import vn.kyso.signing.ChangeKind;

/**
 * What the signatures of a signed revision permit later (ISO 32000-2 §12.8.2.2-3): the
 * certification's DocMDP level P, and the FieldMDP locks of every signature in it. Without a
 * certification kyso applies P=2 (form filling and signing, no comments), as it always has.
 */
final class ChangePolicy {

    private static final COSName FIELD_MDP = COSName.getPDFName("FieldMDP");
    private static final COSName ACTION = COSName.getPDFName("Action");

    private final int docMdp;
    private final List<Lock> locks;

    ChangePolicy(int docMdp, List<Lock> locks) {
        this.docMdp = docMdp;
        this.locks = List.copyOf(locks);
    }

    /** A FieldMDP lock: {@code action} All, Include or Exclude over {@code fields} (fully qualified names). */
    record Lock(String action, List<String> fields) {
        boolean locks(String field) {
            if (field == null) {
                return false;
            }
            boolean named = fields.stream().anyMatch(f -> field.equals(f) || field.startsWith(f + "."));
            return switch (action) {
                case "All" -> true;
                case "Include" -> named;
                case "Exclude" -> !named;
                default -> false;
            };
        }
    }

    /** The policy of {@code signed}: its DocMDP level and the locks of the signatures it holds. */
    static ChangePolicy of(PDDocument signed) {
        List<Lock> locks = new ArrayList<>();
        for (SignatureCandidate c : SignatureFinder.find(signed)) {
            COSBase references = c.dictionary().getDictionaryObject(COSName.REFERENCE);
            if (references instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    COSDictionary reference = SignatureFinder.dict(array.get(i));
                    if (reference != null && FIELD_MDP.equals(reference.getCOSName(COSName.TRANSFORM_METHOD))) {
                        Lock lock = lock(SignatureFinder.dict(reference.getItem(COSName.TRANSFORM_PARAMS)));
                        if (lock != null) {
                            locks.add(lock);
                        }
                    }
                }
            }
        }
        return new ChangePolicy(Revisions.docMdpPermission(signed), locks);
    }

    private static Lock lock(COSDictionary params) {
        if (params == null) {
            return null;
        }
        COSName action = params.getCOSName(ACTION);
        List<String> fields = new ArrayList<>();
        if (params.getDictionaryObject(COSName.FIELDS) instanceof COSArray names) {
            for (int i = 0; i < names.size(); i++) {
                if (names.getObject(i) instanceof COSString s) {
                    fields.add(s.getString());
                }
            }
        }
        return action == null ? null : new Lock(action.getName(), fields);
    }

    int docMdp() {
        return docMdp;
    }

    /** The change as the policy judges it: permitted or not, and a changed locked field named as such. */
    Change judge(ChangeKind kind, Integer page, String subject, String english) {
        if ((kind == ChangeKind.FIELD_FILLED || kind == ChangeKind.SIGNATURE_FIELD_SIGNED)
                && locks.stream().anyMatch(l -> l.locks(subject))) {
            return new Change(ChangeKind.LOCKED_FIELD_CHANGED, false, page, subject,
                    english + ", but an earlier signature locked that field (FieldMDP)");
        }
        boolean permitted = switch (kind.changeClass()) {
            case NONE, LTV_UPDATES -> true;
            case FORM_FILLING -> docMdp != 1 && kind != ChangeKind.LOCKED_FIELD_CHANGED;
            case ANNOTATIONS -> docMdp == 3;
            case OTHER -> false;
        };
        if (!permitted && kind.changeClass() == vn.kyso.signing.ChangeClass.FORM_FILLING && docMdp == 1) {
            english = english + ", but the certification signature forbids any change (DocMDP P=1)";
        } else if (!permitted && kind.changeClass() == vn.kyso.signing.ChangeClass.ANNOTATIONS) {
            english = english + (docMdp == 0 ? " (comments are not accepted after an approval signature)"
                    : ", but the certification signature does not permit comments (DocMDP P=" + docMdp + ")");
        }
        return new Change(kind, permitted, page, subject, english);
    }
}
