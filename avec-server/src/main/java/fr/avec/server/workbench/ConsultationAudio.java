package fr.avec.server.workbench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Prepares a consultation recording for the transcription upstream. WAV is converted here, in pure Java,
 * to 16 kHz mono 16-bit PCM (what speech models expect, and a third of the size of CD-quality stereo).
 * MP3 and WebM (what browsers record with MediaRecorder) cannot be decoded by the JDK: they are passed to the
 * transcription upstream as they are, which decodes them itself (Whisper-compatible servers do). Anything
 * else is refused.
 *
 * @param bytes       the audio to send
 * @param fileName    a file name whose extension tells the upstream the format
 * @param contentType the MIME type
 * @param converted   whether Avec converted it to 16 kHz mono
 */
public record ConsultationAudio(byte[] bytes, String fileName, String contentType, boolean converted) {

    /** Sample rate sent to the transcription upstream. */
    public static final float SAMPLE_RATE = 16_000f;

    /** Recognizes the format by its first bytes (never by the name the browser gives) and prepares it. */
    public static ConsultationAudio prepare(byte[] audio) {
        if (audio.length >= 12 && ascii(audio, 0, "RIFF") && ascii(audio, 8, "WAVE")) {
            return new ConsultationAudio(toSpeechWav(audio), "consultation.wav", "audio/wav", true);
        }
        if (audio.length >= 4 && (audio[0] & 0xFF) == 0x1A && (audio[1] & 0xFF) == 0x45 && (audio[2] & 0xFF) == 0xDF && (audio[3] & 0xFF) == 0xA3) {
            return new ConsultationAudio(audio, "consultation.webm", "audio/webm", false);
        }
        if (audio.length >= 3 && (ascii(audio, 0, "ID3") || ((audio[0] & 0xFF) == 0xFF && (audio[1] & 0xE0) == 0xE0))) {
            return new ConsultationAudio(audio, "consultation.mp3", "audio/mpeg", false);
        }
        throw new IllegalArgumentException("unsupported audio: WAV, MP3 or WebM expected");
    }

    private static byte[] toSpeechWav(byte[] wav) {
        AudioFormat target = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioInputStream pcm = source;
            AudioFormat format = source.getFormat();
            if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleSizeInBits() != 16) {
                // Unsigned 8-bit, float or µ-law first to signed 16-bit at the source rate and channels.
                pcm = AudioSystem.getAudioInputStream(new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false), source);
            }
            if (pcm.getFormat().getChannels() != 1) {
                pcm = AudioSystem.getAudioInputStream(new AudioFormat(pcm.getFormat().getSampleRate(), 16, 1, true, false), pcm);
            }
            byte[] samples = AudioSystem.getAudioInputStream(target, pcm).readAllBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream(samples.length + 44);
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), target, samples.length / 2), AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (UnsupportedAudioFileException | IllegalArgumentException | IOException unreadable) {
            throw new IllegalArgumentException("unreadable WAV file (" + unreadable.getClass().getSimpleName() + ")");
        }
    }

    private static boolean ascii(byte[] bytes, int at, String expected) {
        for (int i = 0; i < expected.length(); i++) {
            if (bytes[at + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
