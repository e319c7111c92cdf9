package vn.kyso.server.csc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.server.config.PublicUrl;
import vn.kyso.server.csc.CscException.Error;
import vn.kyso.server.security.ApiTokens;
import vn.kyso.server.security.Account;
import vn.kyso.server.security.Accounts;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.security.Role;
import vn.kyso.server.security.ServiceClient;
import vn.kyso.server.signing.SigningLayout;

/**
 * The CSC API v2 (2.0.0.2) endpoints: thin handlers over {@link CscCredentials} and
 * {@link CscSignatures}. Bodies and errors are the spec's JSON (see docs/csc.md); members a
 * client sends that kyso does not use ({@code clientData}, {@code operationMode} "S") are ignored.
 */
@RestController
@RequestMapping(path = "/csc/v2", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "csc", description = "Cloud Signature Consortium API v2 for remote-signing clients (docs/csc.md)")
class CscApi {

    static final String SPECS = "2.0.0.2";

    private final CscCredentials credentials;
    private final CscSignatures signatures;
    private final CscDocuments documentSigning;
    private final CscClients clients;
    private final SadStore sads;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final CscProperties properties;
    private final PublicUrl publicUrl;

    CscApi(CscCredentials credentials, CscSignatures signatures, CscDocuments documentSigning, ApiTokens tokens,
            CscProperties properties, PublicUrl publicUrl, CscClients clients, SadStore sads, Accounts accounts) {
        this.clients = clients;
        this.sads = sads;
        this.accounts = accounts;
        this.documentSigning = documentSigning;
        this.credentials = credentials;
        this.signatures = signatures;
        this.tokens = tokens;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListRequest(String userID, Boolean credentialInfo, String certificates, Boolean certInfo,
            Boolean authInfo, Boolean onlyValid, String lang) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InfoRequest(String credentialID, String certificates, Boolean certInfo, Boolean authInfo, String lang,
            String userID) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuthorizeRequest(String credentialID, Integer numSignatures, @JsonAlias("hash") List<String> hashes,
            @JsonAlias("hashAlgo") String hashAlgorithmOID, @JsonProperty("PIN") @JsonAlias("pin") String pin,
            String description, String userID) {
        @Override
        public String toString() {
            return "AuthorizeRequest[credentialID=" + credentialID + ", numSignatures=" + numSignatures + ", PIN=***]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignHashRequest(String credentialID, @JsonProperty("SAD") String sad,
            @JsonAlias("hash") List<String> hashes, @JsonAlias("hashAlgo") String hashAlgorithmOID, String signAlgo,
            String signAlgoParams, String operationMode, String userID) {
        @Override
        public String toString() {
            return "SignHashRequest[credentialID=" + credentialID + ", SAD=***]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DocumentRequest(String document, @JsonProperty("signature_format") String signatureFormat,
            @JsonProperty("conformance_level") String conformanceLevel, String signAlgo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignDocRequest(String credentialID, @JsonProperty("SAD") String sad, List<DocumentRequest> documents,
            @JsonProperty("kyso_layout") SigningLayout layout, String userID) {
        @Override
        public String toString() {
            return "SignDocRequest[credentialID=" + credentialID + ", SAD=***]";
        }
    }

    @Operation(summary = "What this CSC service is and supports (public)")
    @GetMapping("/info")
    Map<String, Object> infoGet() {
        return info();
    }

    @Operation(summary = "What this CSC service is and supports (public; the spec's POST)")
    @PostMapping("/info")
    Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("specs", SPECS);
        info.put("name", "kyso");
        info.put("logo", publicUrl.base() + "/favicon.svg");
        info.put("region", "VN");
        info.put("lang", english() ? "en-US" : "vi-VN");
        info.put("description", english() ? "kyso remote signing with officers' custody keys"
                : "Ký số từ xa bằng khóa của cán bộ do kyso giữ hộ");
        info.put("authType", List.of("basic", "oauth2client"));
        info.put("oauth2", publicUrl.base() + "/csc/v2");
        info.put("oauth2Issuer", publicUrl.base());
        info.put("asynchronousOperationMode", false);
        info.put("methods", List.of("info", "auth/login", "credentials/list", "credentials/info",
                "credentials/authorize", "signatures/signHash", "signatures/signDoc", "oauth2/token"));
        info.put("signature_formats", Map.of("formats", List.of("P"), "envelope_properties", List.of(List.of("Revision"))));
        info.put("conformance_levels", List.of("AdES-B-B", "AdES-B-T", "AdES-B-LT", "AdES-B-LTA"));
        info.put("validationInfo", false);
        info.put("signAlgorithms", Map.of("algos", List.of(HashSigner.RSA, "1.2.840.113549.1.1.11",
                "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", HashSigner.RSA_PSS, HashSigner.EC,
                "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4")));
        return info;
    }

    @Operation(summary = "An access token for the account (HTTP Basic, or an existing bearer token)")
    @PostMapping("/auth/login")
    ResponseEntity<Map<String, Object>> login(@AuthenticationPrincipal Object principal) {
        if (!(principal instanceof KysoUser user)) {
            throw new CscException(Error.ACCESS_DENIED, "A registered system takes its token from oauth2/token");
        }
        Duration lifetime = properties.accessTokenLifetime();
        ApiTokens.IssuedToken token = tokens.issue(user.accountId(), "CSC auth/login", lifetime);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("access_token", token.token(), "expires_in", lifetime.toSeconds()));
    }

    @Operation(summary = "The credentials (custody certificates) the account may sign with now")
    @PostMapping("/credentials/list")
    Map<String, Object> list(@AuthenticationPrincipal Object principal, @RequestBody(required = false) ListRequest request) {
        ListRequest r = request == null ? new ListRequest(null, null, null, null, null, null, null) : request;
        KysoUser user = actor(principal, r.userID());
        List<String> ids = credentials.ids(user);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialIDs", ids);
        if (Boolean.TRUE.equals(r.credentialInfo())) {
            body.put("credentialInfos", ids.stream().map(id -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("credentialID", id);
                one.putAll(credentials.info(credentials.usable(user, id), r.certificates(),
                        Boolean.TRUE.equals(r.certInfo()), english()));
                return one;
            }).toList());
        }
        body.put("onlyValid", true);
        return body;
    }

    @Operation(summary = "One credential: its key, certificate (single or chain) and PIN")
    @PostMapping("/credentials/info")
    Map<String, Object> credentialInfo(@AuthenticationPrincipal Object principal, @RequestBody InfoRequest request) {
        CertificateRecord record = credentials.usable(actor(principal, request.userID()), request.credentialID());
        return credentials.info(record, request.certificates(), Boolean.TRUE.equals(request.certInfo()), english());
    }

    @Operation(summary = "The officer's PIN for numSignatures hashes: a SAD bound to them, short-lived, single-use",
            description = "A wrong PIN counts toward the key's lock exactly like one given in the console.")
    @PostMapping("/credentials/authorize")
    ResponseEntity<Map<String, Object>> authorize(@AuthenticationPrincipal Object principal,
            @RequestBody AuthorizeRequest request) {
        CscSignatures.Authorization sad = signatures.authorize(actor(principal, request.userID()), request.credentialID(), request.numSignatures(),
                request.hashes(), request.pin() == null ? null : request.pin().toCharArray());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("SAD", sad.sad(), "expiresIn", sad.expiresIn()));
    }

    @Operation(summary = "Signs hashes with the credential under a SAD from credentials/authorize")
    @PostMapping("/signatures/signHash")
    Map<String, Object> signHash(@AuthenticationPrincipal Object principal, @RequestBody SignHashRequest request) {
        if (request.operationMode() != null && !request.operationMode().equals("S")) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid parameter operationMode (only \"S\")");
        }
        KysoUser user = actorOfSad(principal, request.userID(), request.sad());
        return Map.of("signatures", signatures.signHash(user, request.credentialID(), request.sad(), request.hashes(),
                request.hashAlgorithmOID(), request.signAlgo(), request.signAlgoParams()));
    }

    @Operation(summary = "Signs PDFs (PAdES B-B to B-LTA, kyso's layouts) under a SAD given for that many documents",
            description = "documents: [{document (base64 PDF), signature_format \"P\", conformance_level AdES-B-B|"
                    + "AdES-B-T|AdES-B-LT|AdES-B-LTA}]; kyso_layout (optional): the layout fields of "
                    + "/api/v1/signatures (page, x, y, width, height, anchor...).")
    @PostMapping("/signatures/signDoc")
    Map<String, Object> signDoc(@AuthenticationPrincipal Object principal, @RequestBody SignDocRequest request) {
        List<CscDocuments.Document> documents = request.documents() == null ? null : request.documents().stream()
                .map(d -> new CscDocuments.Document(d.document(), d.signatureFormat(), d.conformanceLevel())).toList();
        KysoUser user = actorOfSad(principal, request.userID(), request.sad());
        return Map.of("DocumentWithSignature",
                documentSigning.signDoc(user, request.credentialID(), request.sad(), documents, request.layout()));
    }

    @Operation(summary = "An access token for a registered system (OAuth 2.0 client credentials)",
            description = "Form fields (or JSON) grant_type=client_credentials, client_id, client_secret. The token "
                    + "lets the system list an officer's credentials (userID) and ask for signatures with the "
                    + "officer's PIN; never without it.")
    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> tokenFromForm(
            @org.springframework.web.bind.annotation.RequestParam Map<String, String> form) {
        return token(form.get("grant_type"), form.get("client_id"), form.get("client_secret"));
    }

    @Operation(summary = "The same, with a JSON body")
    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> tokenFromJson(@RequestBody Map<String, String> body) {
        return token(body.get("grant_type"), body.get("client_id"), body.get("client_secret"));
    }

    private ResponseEntity<Map<String, Object>> token(String grantType, String clientId, String clientSecret) {
        if (!"client_credentials".equals(grantType)) {
            throw new CscException(Error.UNSUPPORTED_GRANT_TYPE, "Only grant_type client_credentials is supported");
        }
        CscClients.AccessToken token = clients.token(clientId, clientSecret);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("access_token", token.token(),
                "token_type", "Bearer", "expires_in", token.expiresIn()));
    }

    /**
     * Whom a request acts for: the officer logged in (a userID, if given, must be theirs), or for
     * a registered system the officer it names by userID (an enabled officer's account).
     */
    private KysoUser actor(Object principal, String userId) {
        boolean named = userId != null && !userId.isBlank();
        if (principal instanceof KysoUser user) {
            if (named && !userId.strip().equalsIgnoreCase(user.getUsername())) {
                throw new CscException(Error.INVALID_REQUEST, "Invalid parameter userID");
            }
            return user;
        }
        if (principal instanceof ServiceClient) {
            if (!named) {
                throw new CscException(Error.INVALID_REQUEST,
                        "Missing (or invalid type) string parameter userID (required with client credentials)");
            }
            return accounts.find(userId.strip()).filter(Account::enabled)
                    .filter(a -> a.roles().contains(Role.OFFICER)).map(KysoUser::actedForBy)
                    .orElseThrow(() -> new CscException(Error.INVALID_REQUEST, "Invalid parameter userID"));
        }
        throw new CscException(Error.ACCESS_DENIED, "The caller may not sign through this API");
    }

    /** For signHash and signDoc a system need not repeat userID: the SAD names its officer. */
    private KysoUser actorOfSad(Object principal, String userId, String sad) {
        if (principal instanceof ServiceClient && (userId == null || userId.isBlank()) && sad != null) {
            return actor(principal, sads.find(sad.strip()).map(SadStore.Sad::account).orElseThrow(
                    () -> new CscException(Error.INVALID_REQUEST, "Invalid parameter SAD")));
        }
        return actor(principal, userId);
    }

    private static boolean english() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
