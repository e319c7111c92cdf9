package vn.kyso.signing;

/**
 * The rules of the change analysis, one per kind of change (docs/verification-changes.md lists
 * them with an example each). Each belongs to one {@link ChangeClass}.
 */
public enum ChangeKind {
    /** A /DSS (validation data: certificates, OCSP, CRLs, /VRI) was added or extended. */
    VALIDATION_DATA_ADDED(ChangeClass.LTV_UPDATES),
    /** A document timestamp (/SubFilter /ETSI.RFC3161) was added. */
    DOCUMENT_TIMESTAMP_ADDED(ChangeClass.LTV_UPDATES),
    /** The catalog's /Version or /Extensions were raised (e.g. to PDF 2.0). */
    VERSION_UPGRADED(ChangeClass.LTV_UPDATES),
    /** XMP /Metadata or the trailer /Info's /ModDate or /Producer were updated. */
    METADATA_UPDATED(ChangeClass.LTV_UPDATES),
    /** Fonts or other entries were added to the form's default resources (/DR). */
    FORM_RESOURCES_ADDED(ChangeClass.LTV_UPDATES),
    /** The form's /SigFlags or default appearance (/DA) were set. */
    FORM_FLAGS_SET(ChangeClass.LTV_UPDATES),
    /** /StructTreeRoot gained entries (the tagged structure of a new field). */
    STRUCTURE_EXTENDED(ChangeClass.LTV_UPDATES),
    /** /Perms (DocMDP or usage rights) was updated. */
    PERMISSIONS_UPDATED(ChangeClass.LTV_UPDATES),
    /** An existing widget or field was locked (/F gains Locked, /Ff gains ReadOnly), as a next signer does. */
    FIELD_LOCKED(ChangeClass.LTV_UPDATES),

    /** A new signature field holding a signature was added. */
    SIGNATURE_ADDED(ChangeClass.FORM_FILLING),
    /** An empty signature field of the signed revision was signed. */
    SIGNATURE_FIELD_SIGNED(ChangeClass.FORM_FILLING),
    /** An empty signature field (nothing drawn) was added for a later signer. */
    EMPTY_SIGNATURE_FIELD_ADDED(ChangeClass.FORM_FILLING),
    /** A form field's value (and its appearance) was changed. */
    FIELD_FILLED(ChangeClass.FORM_FILLING),
    /** /NeedAppearances was set: the viewer redraws the fields from their values. */
    APPEARANCES_REGENERATED(ChangeClass.FORM_FILLING),

    /** An annotation (a comment) was added. */
    ANNOTATION_ADDED(ChangeClass.ANNOTATIONS),
    /** An annotation was changed. */
    ANNOTATION_CHANGED(ChangeClass.ANNOTATIONS),
    /** An annotation was removed. */
    ANNOTATION_REMOVED(ChangeClass.ANNOTATIONS),

    /** A page's content, resources or other entries changed. */
    PAGE_CHANGED(ChangeClass.OTHER),
    /** Pages were added, removed or reordered. */
    PAGES_CHANGED(ChangeClass.OTHER),
    /** A catalog entry that affects display or behaviour changed (/OCProperties, /Names, /OpenAction...). */
    CATALOG_CHANGED(ChangeClass.OTHER),
    /** The trailer /Info (title, author, subject, keywords...) changed. */
    INFO_CHANGED(ChangeClass.OTHER),
    /** The form dictionary changed beyond routine additions. */
    FORM_CHANGED(ChangeClass.OTHER),
    /** A form field or widget changed beyond its value (position, flags, appearance characteristics). */
    FIELD_CHANGED(ChangeClass.OTHER),
    /** A field's appearance changed while its value did not. */
    APPEARANCE_WITHOUT_VALUE(ChangeClass.OTHER),
    /** A form field that is not a signature field was added, or one was removed. */
    FIELD_ADDED_OR_REMOVED(ChangeClass.OTHER),
    /** A signature field draws an appearance but holds no signature dictionary. */
    UNSIGNED_APPEARANCE(ChangeClass.OTHER),
    /** A field points at a signature dictionary that another field or revision already uses. */
    SIGNATURE_REUSED(ChangeClass.OTHER),
    /** A signature was removed from the form. */
    SIGNATURE_REMOVED(ChangeClass.OTHER),
    /** A new or changed appearance draws on an object the signed revision used in another role. */
    OBJECT_REUSED(ChangeClass.OTHER),
    /** A later cross-reference entry points an object number at the bytes of another object. */
    OBJECT_REDIRECTED(ChangeClass.OTHER),
    /** A locked field (FieldMDP, or /Lock of a signature field) was changed. */
    LOCKED_FIELD_CHANGED(ChangeClass.FORM_FILLING),
    /** Bytes after the last %%EOF that are no complete incremental update. */
    DATA_APPENDED(ChangeClass.OTHER),
    /** The rendered page differs from the signed one although no change found explains it. */
    PAGE_LOOKS_DIFFERENT(ChangeClass.OTHER),
    /** The changes could not be analysed (too complex or unreadable). */
    NOT_ANALYSABLE(ChangeClass.OTHER);

    private final ChangeClass changeClass;

    ChangeKind(ChangeClass changeClass) {
        this.changeClass = changeClass;
    }

    public ChangeClass changeClass() {
        return changeClass;
    }
}
