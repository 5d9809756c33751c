package org.yibao.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The staff's login form (GET /login; Spring Security's form login takes the POST): Simplified Chinese, English with
 * {@code ?lang=en}; labelled fields usable by keyboard alone; the refusal, the throttle's wait and a logout said in
 * an alert region. Served behind the gateway, so the browser never leaves the platform's address.
 */
@RestController
class LoginPage {

    private record Words(String lang, String title, String heading, String username, String password, String submit,
                         String error, String throttled, String loggedOut, String other, String otherLang) {
    }

    private static final Words CHINESE = new Words("zh-CN", "医保平台 · 工作人员登录", "医保经办管理台", "用户名", "密码", "登录",
            "用户名或密码错误。", "失败次数过多，请在 %d 秒后重试。", "您已退出登录。", "English", "en");
    private static final Words ENGLISH = new Words("en", "Yibao · staff sign-in", "Yibao bureau console", "User name", "Password",
            "Sign in", "Wrong user name or password.", "Too many failed attempts; try again in %d s.", "You have signed out.",
            "中文", "zh");

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(HttpServletRequest request, @RequestParam(required = false) String lang,
                                @RequestParam(required = false) String throttled) {
        Words words = "en".equals(lang) ? ENGLISH : CHINESE;
        String message = null;
        if (request.getParameter("error") != null) {
            message = words.error();
        } else if (throttled != null && throttled.matches("\\d{1,6}")) {
            message = words.throttled().formatted(Long.parseLong(throttled));
        } else if (request.getParameter("logout") != null) {
            message = words.loggedOut();
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String action = "/login" + ("en".equals(lang) ? "?lang=en" : "");
        String html = """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                  body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f0f2f5;margin:0}
                  main{max-width:360px;margin:12vh auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
                  h1{font-size:20px;margin:0 0 24px}label{display:block;margin:16px 0 4px}
                  input{width:100%%;box-sizing:border-box;padding:8px;font-size:16px;border:1px solid #d9d9d9;border-radius:4px}
                  input:focus,button:focus,a:focus{outline:2px solid #0958d9;outline-offset:2px}
                  button{margin-top:24px;width:100%%;padding:10px;font-size:16px;background:#0958d9;color:#fff;border:0;border-radius:4px;cursor:pointer}
                  p[role=alert]{color:#cf1322;margin:0 0 8px}nav{margin-top:16px;text-align:right}
                </style></head>
                <body><main>
                <h1>%s</h1>
                %s
                <form method="post" action="%s">
                  <label for="username">%s</label>
                  <input id="username" name="username" autocomplete="username" required autofocus maxlength="64">
                  <label for="password">%s</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">%s</button>
                </form>
                <nav><a href="/login?lang=%s" lang="%s">%s</a></nav>
                </main></body></html>
                """.formatted(words.lang(), words.title(), words.heading(),
                message == null ? "" : "<p role=\"alert\">" + HtmlUtils.htmlEscape(message) + "</p>",
                action, words.username(), words.password(),
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()), words.submit(),
                words.otherLang(), words.otherLang(), words.other());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html);
    }
}
