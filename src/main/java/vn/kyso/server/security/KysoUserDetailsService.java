package vn.kyso.server.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for form login and HTTP Basic. */
@Service
class KysoUserDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final AccountStore store;

    KysoUserDetailsService(Accounts accounts, AccountStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new KysoUser(account, store.passwordHash(account.id()).orElseThrow(),
                store.securityVersion(account.id()));
    }
}
