package vn.kyso.server.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;

/**
 * OCSP on a port of its own ({@code kyso.ca.ocsp.listener.*}, off by default), deployed the way
 * OpenSSL's responder and standalone validation authorities are: a few threads, each blocking in
 * {@code accept()} on one shared socket and answering the connection it accepted itself
 * ({@link OcspConnection}). Relying parties open a connection per request; on the main port
 * each one passes from Tomcat's acceptor to its poller and a worker, which on two cores cost more
 * than the signature (docs/benchmarks.md). The main port's {@code /ocsp} is unchanged.
 */
@Component
class OcspListener implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OcspListener.class);
    /** Connections the kernel completes while every thread is busy (capped by net.core.somaxconn). */
    private static final int BACKLOG = 1024;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final CertificateAuthority ca;
    private final Clock clock;
    private final CaProperties.Listener settings;
    private final List<Thread> threads = new ArrayList<>();
    private final List<OcspConnection> connections = new ArrayList<>();
    private volatile ServerSocket server;

    @Autowired
    OcspListener(CertificateAuthority ca, Clock clock, CaProperties properties) {
        this(ca, clock, properties.ocsp().listener());
    }

    OcspListener(CertificateAuthority ca, Clock clock, CaProperties.Listener settings) {
        this.ca = ca;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || server != null) {
            return;
        }
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.address(), settings.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("the OCSP listener cannot listen on port " + settings.port(), e);
        }
        server = socket;
        int count = settings.threadCount();
        for (int i = 1; i <= count; i++) {
            OcspConnection connection = new OcspConnection(ca, clock, settings);
            Thread thread = new Thread(() -> serve(socket, connection), "ocsp-listener-" + i);
            thread.setDaemon(true);
            connections.add(connection);
            threads.add(thread);
            thread.start();
        }
        LOG.info("OCSP listener on port {} of {} ({} threads): POST {} and GET {}/<request>", socket.getLocalPort(),
                settings.address() == null ? "every interface" : settings.address().getHostAddress(), count,
                OcspHttp.PATH, OcspHttp.PATH);
    }

    /** The port listened on (the chosen one when the setting is 0), or -1 when not running. */
    int port() {
        ServerSocket socket = server;
        return socket == null ? -1 : socket.getLocalPort();
    }

    private void serve(ServerSocket socket, OcspConnection connection) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    // e.g. out of file descriptors: wait a little rather than spin
                    LOG.warn("OCSP listener: accept failed: {}", e.toString());
                    pause();
                }
                continue;
            }
            connection.current = client;
            try (client) {
                client.setTcpNoDelay(true);
                connection.serve(client);
            } catch (IOException gone) {
                // the client went away or stopped in the middle: nothing left to tell it
            } catch (RuntimeException e) {
                LOG.warn("OCSP listener: a connection failed", e);
            } finally {
                connection.current = null;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the socket, then the connections being served, and waits for the threads to end. */
    @Override
    public synchronized void stop() {
        ServerSocket socket = server;
        if (socket == null) {
            return;
        }
        server = null;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("OCSP listener: closing its socket failed", e);
        }
        for (OcspConnection connection : connections) {
            Socket client = connection.current;
            if (client != null) {
                try {
                    client.close();
                } catch (IOException e) {
                    LOG.debug("OCSP listener: closing a connection failed", e);
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        connections.clear();
        LOG.info("OCSP listener stopped");
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
