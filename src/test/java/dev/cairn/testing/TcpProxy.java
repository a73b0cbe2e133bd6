package dev.cairn.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on a loopback port of its own to a real server, which a test can cut (every
 * connection dropped, new ones refused) and restore on the same port: an outage of that
 * server as its clients see it, without stopping the server others use.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger accepted = new AtomicInteger();

	private volatile ServerSocket server;

	private int port;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		open();
	}

	public int port() {
		return this.port;
	}

	/** How many connections it has accepted so far. */
	public int accepted() {
		return this.accepted.get();
	}

	/** Drops every connection and refuses new ones. */
	public synchronized void cut() {
		closeQuietly(this.server);
		this.server = null;
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	/** Accepts connections again, on the same port. */
	public synchronized void restore() {
		if (this.server == null) {
			open();
		}
	}

	@Override
	public void close() {
		cut();
	}

	private void open() {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.port = socket.getLocalPort();
			this.server = socket;
			Thread.ofVirtual().name("tcp-proxy-accept").start(() -> accept(socket));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				this.accepted.incrementAndGet();
				relay(client);
			}
			catch (IOException ex) {
				// Closed by cut().
			}
		}
	}

	private void relay(Socket client) {
		try {
			Socket target = new Socket(this.targetHost, this.targetPort);
			this.sockets.add(client);
			this.sockets.add(target);
			Thread.ofVirtual().start(() -> pump(client, target));
			Thread.ofVirtual().start(() -> pump(target, client));
		}
		catch (IOException ex) {
			closeQuietly(client);
		}
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// One side is gone: drop the other too.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// Closing is all that is wanted.
		}
	}

}
