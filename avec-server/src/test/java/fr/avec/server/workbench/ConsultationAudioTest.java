package fr.avec.server.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class ConsultationAudioTest {

    /** One second of a 440 Hz tone, CD quality stereo. */
    static byte[] cdQualityWav() throws Exception {
        float rate = 44_100;
        int frames = (int) rate;
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short v = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 10_000);
            for (int c = 0; c < 2; c++) {
                pcm[i * 4 + c * 2] = (byte) v;
                pcm[i * 4 + c * 2 + 1] = (byte) (v >> 8);
            }
        }
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(rate, 16, 2, true, false), frames),
                AudioFileFormat.Type.WAVE, wav);
        return wav.toByteArray();
    }

    @Test
    void wavIsConvertedTo16kHzMonoKeepingItsDuration() throws Exception {
        ConsultationAudio audio = ConsultationAudio.prepare(cdQualityWav());
        assertThat(audio.converted()).isTrue();
        assertThat(audio.contentType()).isEqualTo("audio/wav");
        AudioInputStream result = AudioSystem.getAudioInputStream(new ByteArrayInputStream(audio.bytes()));
        assertThat(result.getFormat().getSampleRate()).isEqualTo(16_000f);
        assertThat(result.getFormat().getChannels()).isEqualTo(1);
        assertThat(result.getFormat().getSampleSizeInBits()).isEqualTo(16);
        assertThat(result.getFrameLength()).isBetween(15_900L, 16_100L);
    }

    @Test
    void mp3AndWebmPassThroughUnchanged() {
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3};
        ConsultationAudio recorded = ConsultationAudio.prepare(webm);
        assertThat(recorded.converted()).isFalse();
        assertThat(recorded.contentType()).isEqualTo("audio/webm");
        assertThat(recorded.bytes()).isSameAs(webm);
        assertThat(ConsultationAudio.prepare(new byte[] {'I', 'D', '3', 4, 0}).contentType()).isEqualTo("audio/mpeg");
    }

    @Test
    void otherFilesAreRefused() {
        assertThatThrownBy(() -> ConsultationAudio.prepare("%PDF-1.7".getBytes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WAV, MP3 or WebM");
        byte[] brokenWav = "RIFF\0\0\0\0WAVEfmt garbage".getBytes();
        assertThatThrownBy(() -> ConsultationAudio.prepare(brokenWav)).isInstanceOf(IllegalArgumentException.class);
    }
}
