package vn.kyso.ca;

/** What the caller does with a custody key during the one operation it is unlocked for. */
@FunctionalInterface
public interface KeyUse<T> {
    T use(UnlockedKey key) throws Exception;
}
