package org.yibao.security.servlet;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.yibao.security.CallerIdentity;
import org.yibao.security.token.CallerAuthentication;

/** Lets a controller method take the verified {@link CallerIdentity} as an argument. */
class CallerIdentityArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CallerIdentity.class;
    }

    @Override
    public CallerIdentity resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller) {
            return caller.caller();
        }
        // the security chain authenticates every API call before a controller runs
        throw new IllegalStateException("no verified caller on an API call; is the service's security chain in place?");
    }
}
