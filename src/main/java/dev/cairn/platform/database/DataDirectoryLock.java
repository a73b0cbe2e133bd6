package dev.cairn.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.cairn.platform.StartupFailure;

/**
 * An exclusive OS lock on {@code <data dir>/cairn.lock}, held for as long as this Cairn
 * runs, so a second Cairn on the same data dir stops instead of starting a second
 * PostgreSQL on the same files. The OS drops the lock when the process dies, however it
 * dies, so there is never a stale lock to clean up.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path dataDir) {
		Path file = dataDir.resolve("cairn.lock");
		FileChannel channel;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new StartupFailure("Cannot open the lock file " + file + ": " + ex.getMessage(),
					"Check that CAIRN_DATA_DIR points to a writable folder.", ex);
		}
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException(ex);
		}
		if (lock == null) {
			closeQuietly(channel);
			throw new StartupFailure(
					"Another Cairn is already running on the data dir " + dataDir + " (it holds " + file + ").",
					"Stop the other Cairn, or set CAIRN_DATA_DIR to a different folder.");
		}
		return new DataDirectoryLock(channel, lock);
	}

	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// The channel close below releases it anyway.
		}
		closeQuietly(this.channel);
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Nothing useful to do; the OS releases the file when the process exits.
		}
	}

}
