package org.yibao.his.envelope;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.yibao.his.national.HisException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signed and encrypted messages, for institutions whose province requires them (国密: SM2 signature
 * over SM3, SM4 encryption), configured per institution; the others send plain JSON. With BouncyCastle
 * (ADR 0015).
 *
 * <p>The message of such an institution (ASSUMPTION: no public source of this interface states the
 * base string; this is the common provincial form): {@code signtype} "SM2"; {@code input} a JSON string,
 * the base64 of the SM4-ECB-PKCS7 encryption of the input object's UTF-8 JSON under the institution's
 * SM4 key; {@code cainfo} the base64 of the SM2 signature (SM3, the default user id
 * 1234567812345678, DER) by the institution's private key of the UTF-8 bytes of
 * {@code infno + "&" + msgid + "&" + fixmedins_code + "&" + input} — the envelope is signed with the input, so
 * that a signed input cannot be replayed under another transaction or message. The answer's
 * {@code output} is encrypted the same way and signed by the platform's key over
 * {@code infcode + "&" + inf_refmsgid + "&" + output} ({@code cainfo}, {@code signtype}). A message of such an institution that is unsigned, badly signed or not decryptable
 * is answered infcode -1 and changes nothing.
 *
 * <p>Keys: {@code yibao.his.security.institutions.<code>.public-key} (the institution's SM2 public key,
 * hex, uncompressed point 04...), {@code .sm4-key} (32 hex digits); {@code yibao.his.security.platform-private-key}
 * (hex) — when it is absent a key is made for this process and its public key logged (local use only).
 */
@Component
public class MessageSecurity {

    private static final Logger log = LoggerFactory.getLogger(MessageSecurity.class);
    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    /** An institution's keys. */
    public record Keys(String institution, ECPublicKeyParameters publicKey, byte[] sm4Key) {
    }

    @ConfigurationProperties("yibao.his.security")
    record Properties(String platformPrivateKey, Map<String, InstitutionKeys> institutions) {
    }

    record InstitutionKeys(String publicKey, String sm4Key) {
    }

    private final Map<String, Keys> institutions = new LinkedHashMap<>();
    private final ECPrivateKeyParameters platformKey;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json;

    MessageSecurity(Properties properties, JsonMapper json) {
        this.json = json;
        if (properties.institutions() != null) {
            properties.institutions().forEach((code, k) -> institutions.put(code, new Keys(code, publicKey(code, k.publicKey()), sm4Key(code, k.sm4Key()))));
        }
        if (properties.platformPrivateKey() == null || properties.platformPrivateKey().isBlank()) {
            BigInteger d = new BigInteger(256, random).mod(DOMAIN.getN().subtract(BigInteger.TWO)).add(BigInteger.ONE);
            this.platformKey = new ECPrivateKeyParameters(d, DOMAIN);
            if (!institutions.isEmpty()) {
                log.warn("yibao.his.security.platform-private-key is not set: answers are signed with a key made for this process; "
                        + "its public key is {}", publicKeyHex(d));
            }
        } else {
            this.platformKey = new ECPrivateKeyParameters(new BigInteger(properties.platformPrivateKey(), 16), DOMAIN);
        }
    }

    /** The public key (hex, 04...) of a private key: what an institution verifies the platform's answers with. */
    public static String publicKeyHex(BigInteger d) {
        return HexFormat.of().formatHex(DOMAIN.getG().multiply(d).normalize().getEncoded(false));
    }

    public Optional<Keys> keysOf(String institution) {
        return Optional.ofNullable(institutions.get(institution));
    }

    /** The message with its input verified and decrypted, for an institution that signs; otherwise as it came. */
    public JsonNode open(JsonNode message, Keys keys) {
        if (keys == null || message == null || !message.isObject()) {
            return message;
        }
        if (!"SM2".equals(message.path("signtype").asString(""))) {
            throw HisException.field("signtype", "must be SM2: institution " + keys.institution() + " signs and encrypts its messages");
        }
        JsonNode input = message.get("input");
        if (input == null || !input.isString()) {
            throw HisException.field("input", "must be the SM4-encrypted input, in base64");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(message.path("cainfo").asString(""));
        } catch (IllegalArgumentException e) {
            throw HisException.field("cainfo", "is not a base64 signature");
        }
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, keys.publicKey());
        byte[] signed = signedText(message.path("infno").asString(""), message.path("msgid").asString(""),
                message.path("fixmedins_code").asString(""), input.asString()).getBytes(StandardCharsets.UTF_8);
        verifier.update(signed, 0, signed.length);
        if (signature.length == 0 || !verifier.verifySignature(signature)) {
            throw HisException.field("cainfo", "the signature does not verify with institution " + keys.institution() + "'s key");
        }
        String plain;
        try {
            plain = new String(sm4(false, keys.sm4Key(), Base64.getDecoder().decode(input.asString())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | InvalidCipherTextException | org.bouncycastle.crypto.DataLengthException e) {
            throw HisException.field("input", "cannot be decrypted with institution " + keys.institution() + "'s SM4 key");
        }
        ObjectNode opened = ((ObjectNode) message).deepCopy();
        try {
            opened.set("input", json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(plain));
        } catch (RuntimeException e) {
            throw HisException.field("input", "decrypted, is not JSON");
        }
        return opened;
    }

    /** The answer with its output encrypted and signed, for an institution that signs; otherwise as it is. */
    public Answer seal(Answer answer, Keys keys) {
        if (keys == null) {
            return answer;
        }
        try {
            String sealed = Base64.getEncoder().encodeToString(sm4(true, keys.sm4Key(),
                    json.writeValueAsString(answer.output()).getBytes(StandardCharsets.UTF_8)));
            return answer.sealed(json.getNodeFactory().stringNode(sealed), "SM2", Base64.getEncoder().encodeToString(sign(platformKey,
                    signedText(Integer.toString(answer.infcode()), answer.infRefmsgid(), sealed).getBytes(StandardCharsets.UTF_8))));
        } catch (CryptoException e) {
            throw new IllegalStateException("cannot seal the answer", e);
        }
    }

    /** The text a signature covers: its parts joined by "&". */
    public static String signedText(String... parts) {
        return String.join("&", parts);
    }

    /** An SM2 signature (SM3, default user id, DER). */
    public static byte[] sign(ECPrivateKeyParameters key, byte[] data) throws CryptoException {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(key, new SecureRandom()));
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    /** SM4 in ECB mode with PKCS#7 padding. */
    public static byte[] sm4(boolean encrypt, byte[] key, byte[] data) throws InvalidCipherTextException {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding());
        cipher.init(encrypt, new KeyParameter(key));
        byte[] out = new byte[cipher.getOutputSize(data.length)];
        int n = cipher.processBytes(data, 0, data.length, out, 0);
        n += cipher.doFinal(out, n);
        return java.util.Arrays.copyOf(out, n);
    }

    /** The curve's domain, for key pairs made elsewhere (tests, key tools). */
    public static ECDomainParameters domain() {
        return DOMAIN;
    }

    private static ECPublicKeyParameters publicKey(String code, String hex) {
        try {
            ECPoint point = DOMAIN.getCurve().decodePoint(HexFormat.of().parseHex(hex));
            return new ECPublicKeyParameters(point, DOMAIN);
        } catch (RuntimeException e) {
            throw new IllegalStateException("yibao.his.security.institutions." + code + ".public-key is not an SM2 public key (hex 04...)", e);
        }
    }

    private static byte[] sm4Key(String code, String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalStateException("yibao.his.security.institutions." + code + ".sm4-key must be 32 hex digits");
        }
        return HexFormat.of().parseHex(hex);
    }
}
