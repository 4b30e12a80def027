package org.modseq.reference.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;

/**
 * A connection that hands every call to another. Decorators (a fault switched on, an engine bug
 * simulated in a test) override only what they change, and a method later added to
 * {@link Connection} reaches the connection underneath instead of silently taking its default.
 */
public abstract class ForwardingConnection implements Connection {

    private final Connection delegate;

    protected ForwardingConnection(Connection delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The connection underneath. */
    protected final Connection delegate() {
        return delegate;
    }

    @Override
    public Response greeting() {
        return delegate.greeting();
    }

    @Override
    public List<Response> execute(String tag, Command command) {
        return delegate.execute(tag, command);
    }

    @Override
    public List<Response> continueWith(String line) {
        return delegate.continueWith(line);
    }

    @Override
    public List<Response> idleUpdates() {
        return delegate.idleUpdates();
    }

    @Override
    public Optional<String> user() {
        return delegate.user();
    }

    @Override
    public boolean isLoggedOut() {
        return delegate.isLoggedOut();
    }

    @Override
    public void drop() {
        delegate.drop();
    }
}
